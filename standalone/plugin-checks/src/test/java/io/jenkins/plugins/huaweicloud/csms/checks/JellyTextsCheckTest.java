package io.jenkins.plugins.huaweicloud.csms.checks;

import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.assertOneProblem;
import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JellyTextsCheckTest {

    private static final String VIEW = "src/main/resources/fx/Widget/config.jelly:";

    @Test
    void parenthesesInTextsAndLoneQuotesAreReported() throws Exception {
        List<String> problems = PluginViewChecks.jellyTexts(tree("jelly-texts"));

        assertOneProblem(
                problems, VIEW + "3:", "${%Timeout (seconds)}", "\"Timeout \"", "1 argument(s)", "0 placeholder(s)");
        assertOneProblem(problems, VIEW + "4:", "${%IAM account (domain) name}", "no balancing ')'", "fails to load");
        assertOneProblem(problems, VIEW + "6:", "${%greeting}", "single quote");
        // "${%Count of {0}(it.name)}" passes one argument to one placeholder.
        assertThat(problems).hasSize(3);
    }
}
