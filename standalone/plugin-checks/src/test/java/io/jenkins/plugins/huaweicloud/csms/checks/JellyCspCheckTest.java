package io.jenkins.plugins.huaweicloud.csms.checks;

import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.assertOneProblem;
import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JellyCspCheckTest {

    private static final String VIEW = "src/main/resources/fx/Widget/index.jelly:";

    @Test
    void inlineScriptStyleHandlersAndLegacyCheckUrlAreReported() throws Exception {
        List<String> problems = PluginViewChecks.jellyCsp(tree("jelly-csp"));

        assertOneProblem(problems, VIEW + "4:", "<style>", "inline <style>");
        assertOneProblem(problems, VIEW + "5:", "<script>", "inline <script>");
        assertOneProblem(problems, VIEW + "8:", "<button>", "onclick");
        assertOneProblem(problems, VIEW + "9:", "<f:textbox>", "checkUrl without checkDependsOn");
        assertOneProblem(problems, VIEW + "10:", "<f:button>", "onclick on a taglib element");
        assertOneProblem(problems, "src/main/resources/fx/Widget/broken.jelly:", "not well-formed XML");
        // The script with src and the application/json one are allowed.
        assertThat(problems).hasSize(6);
    }
}
