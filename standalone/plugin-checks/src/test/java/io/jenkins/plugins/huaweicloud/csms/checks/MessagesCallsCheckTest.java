package io.jenkins.plugins.huaweicloud.csms.checks;

import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.assertOneProblem;
import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesCallsCheckTest {

    private static final String JAVA = "src/main/java/fx/Widget.java:";
    private static final String BUNDLE = "src/main/resources/fx/Messages.properties";

    @Test
    void wrongArgumentCountsMissingKeysAndLoneQuotesAreReported() throws Exception {
        List<String> problems = PluginViewChecks.messagesCalls(tree("messages-args"));

        assertOneProblem(
                problems,
                JAVA + "7:",
                "Messages.Widget_pair(..)",
                "passes 1 argument(s)",
                "Widget.pair",
                BUNDLE,
                "takes 2 ({0} to {1})");
        assertOneProblem(problems, JAVA + "9:", "Messages.Widget_gone(..)", "no key", BUNDLE, "Widget.gone");
        assertOneProblem(problems, JAVA + "12:", "fx.Messages.Widget_pair(..)", "passes 3 argument(s)", "takes 2");
        assertOneProblem(problems, BUNDLE + ": key Widget.quoted", "single quote");
        // The quote hides {0} from MessageFormat, so the call's argument has no placeholder.
        assertOneProblem(problems, JAVA + "10:", "Messages.Widget_quoted(..)", "passes 1 argument(s)", "takes 0");
        // Messages._Widget_pair(a, b) is right; hudson.model.Messages is Jenkins' own.
        assertThat(problems).hasSize(5);
    }
}
