package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** names and tags between a Jenkinsfile's shapes (lists, maps) and the step's text fields, both ways. */
class JenkinsfileArgumentsTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    private static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void aListOfNamesBecomesOneNamePerLineAndTheJobGetsEveryName() {
        Map<String, Object> fields = JenkinsfileArguments.toFields(
                args("project", PROJECT, "names", List.of("pr-42-db", new StringBuilder("pr-42-api"))));
        assertThat(fields).containsEntry("project", PROJECT).containsEntry("names", "pr-42-db\npr-42-api");
        DeletionPlan plan = DeletionJob.plan(
                DeletionRequest.builder()
                        .project(PROJECT)
                        .names(DeletionRequest.splitNames((String) fields.get("names")))
                        .endpoint("https://kms.example.com")
                        .credentialsId("c")
                        .build(),
                DeletionDefaults.NONE,
                ArgumentNames.JENKINS);
        assertThat(plan.target().names()).extracting(SecretName::value).containsExactly("pr-42-db", "pr-42-api");
    }

    @Test
    void aTextOfNamesAndEveryOtherArgumentPassUnchanged() {
        Map<String, Object> in = args("project", PROJECT, "names", "a b,c", "maxCount", 5);
        assertThat(JenkinsfileArguments.toFields(in)).isEqualTo(in);
        Map<String, Object> none = args("project", PROJECT, "name", "a");
        assertThat(JenkinsfileArguments.toFields(none)).isSameAs(none);
        assertThat(JenkinsfileArguments.toFields(args("names", null))).containsEntry("names", null);
    }

    @Test
    void aNamesTextIsKeptOneNamePerLine() {
        assertThat(DeletionRequest.normalizeNames(" a, b\r\nc  d,e ")).isEqualTo("a\nb\nc\nd\ne");
        assertThat(DeletionRequest.normalizeNames(" \n ")).isNull();
        assertThat(DeletionRequest.normalizeNames(null)).isNull();
    }

    @Test
    void tagsAreTurnedIntoLinesAsTagTextDoes() {
        assertThat(JenkinsfileArguments.toFields(args("tags", Map.of("env", "pr-42"))))
                .containsEntry("tags", "env=pr-42");
    }

    @Test
    void namesOfAnotherShapeAreRefusedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> JenkinsfileArguments.toFields(args("names", Map.of("a", "b"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("names is invalid: give a list such as");
        assertThatThrownBy(() -> JenkinsfileArguments.toFields(args("names", List.of("a", List.of("b")))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JenkinsfileArguments.toFields(args("names", 42)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSnippetWritesNamesAsAListAndTagsAsAMapAndRoundTrips() {
        Map<String, Object> fields = args("project", PROJECT, "names", "pr-42-db\npr-42-api", "tags", "env=pr-42");
        Map<String, Object> snippet = new LinkedHashMap<>(JenkinsfileArguments.toJenkinsfile(fields));
        assertThat(snippet)
                .containsEntry("names", List.of("pr-42-db", "pr-42-api"))
                .containsEntry("tags", Map.of("env", "pr-42"))
                .containsEntry("project", PROJECT);
        assertThat(JenkinsfileArguments.toFields(snippet)).isEqualTo(fields);
        Map<String, Object> plain = args("project", PROJECT, "name", "a");
        assertThat(JenkinsfileArguments.toJenkinsfile(plain)).isSameAs(plain);
    }
}
