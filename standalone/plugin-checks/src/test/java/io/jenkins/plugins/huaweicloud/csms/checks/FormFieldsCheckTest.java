package io.jenkins.plugins.huaweicloud.csms.checks;

import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.assertOneProblem;
import static io.jenkins.plugins.huaweicloud.csms.checks.FixtureTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldsCheckTest {

    private static final String WIDGET_FORM = "src/main/resources/fx/Widget/config.jelly:";

    @Test
    void aFieldWithoutSetterOrGetterIsReportedWithFileLineAndField() throws Exception {
        List<String> problems = PluginViewChecks.formFields(tree("missing-setter"));

        assertOneProblem(
                problems, WIDGET_FORM + "6:", "field 'color'", "not bound", "setColor", "src/main/java/fx/Widget.java");
        assertOneProblem(problems, WIDGET_FORM + "10:", "field 'size'", "no getter", "getSize()");
        assertOneProblem(problems, WIDGET_FORM + "12:", "field 'hidden'", "getHidden()", "not public");
        assertOneProblem(problems, WIDGET_FORM + "15:", "field 'enabled'", "isEnabled()", "returns Boolean");
        assertOneProblem(
                problems,
                "src/main/resources/fx/Key/credentials.jelly:3:",
                "field 'secret'",
                "no getter",
                "getSecret()");
        assertThat(problems)
                .as("name is complete: getter, constructor parameter, help")
                .hasSize(5);
    }

    @Test
    void aFieldWithoutHelpAnOrphanHelpFileAndBrokenRedirectsAreReported() throws Exception {
        List<String> problems = PluginViewChecks.formFields(tree("missing-help"));

        assertOneProblem(
                problems,
                WIDGET_FORM + "6:",
                "field 'beta'",
                "no help file",
                "src/main/resources/fx/Widget/help-beta.html");
        assertOneProblem(problems, "src/main/resources/fx/Widget/help-delta.html:", "orphan help file", "'delta'");
        assertOneProblem(
                problems,
                "src/main/java/fx/Widget.java:",
                "'gamma'",
                "Other",
                "src/main/resources/fx/Other/help-gammaHelp.html does not exist");
        assertOneProblem(problems, "src/main/java/fx/Widget.java:", "cannot tell which fields", "field");
        assertThat(problems).hasSize(4);
    }

    @Test
    void anInlinePropertyNeedsItsObjectsFormButNoHelpOfItsOwn() throws Exception {
        List<String> problems = PluginViewChecks.formFields(tree("nested-form"));

        assertOneProblem(
                problems,
                "src/main/resources/fx/Holder/config.jelly:3:",
                "field 'part'",
                "f:property shows Part's form",
                "src/main/resources/fx/Part/config.jelly does not exist");
        assertThat(problems)
                .as("no help file is asked for either property; SCM's form is Jenkins' own")
                .hasSize(1);
    }

    @Test
    void aCompletePluginTreePassesEveryCheck() throws Exception {
        // Getter and setter in a generic superclass, help beside the superclass's views, @DataBoundSetter on a
        // field, a boolean isX(), a nested object's fields, an object shown inline with f:property (its own form and
        // help), a global.jelly bound to the descriptor, help through a
        // redirect over a constant list in another class, a help file referenced with getHelpFile('..') and one
        // for a property outside the form (Pipeline documentation), Messages calls with the right arguments, a
        // view .properties, an external script, JSON data, checkUrl with checkDependsOn.
        assertThat(PluginViewChecks.all(tree("good"))).isEmpty();
    }

    @Test
    void javaThatDoesNotParseIsReported() throws Exception {
        assertOneProblem(
                PluginViewChecks.all(tree("broken-java")), "src/main/java/fx/Widget.java:4:", "does not parse");
    }
}
