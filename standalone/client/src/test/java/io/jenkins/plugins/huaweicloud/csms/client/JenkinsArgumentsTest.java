package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes the Jenkins front ends hand to the job: tags as a map, a list or lines; a blank or filled window. */
class JenkinsArgumentsTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    private static DeletionPlan plan(DeletionRequest.Builder request) {
        return DeletionJob.plan(
                request.project(PROJECT)
                        .endpoint("https://kms.example.com")
                        .credentialsId("c")
                        .build(),
                DeletionDefaults.NONE,
                ArgumentNames.JENKINS);
    }

    @Test
    void aMapOfTagsBecomesOneLinePerValueAndFiltersAsTheApiDoes() {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("env", "pr-42");
        tags.put("team", List.of("a b", "c"));
        String text = TagText.of(tags);
        assertThat(text).isEqualTo("env=pr-42\nteam=a b\nteam=c");

        DeletionPlan plan = plan(DeletionRequest.builder().tags(TagText.split(text)));

        assertThat(plan.target().kind()).isEqualTo(DeletionPlan.Kind.TAGS);
        assertThat(plan.target().tags())
                .containsExactly(new TagFilter("env", List.of("pr-42")), new TagFilter("team", List.of("a b", "c")));
        assertThat(plan.target().maxCount()).isEqualTo(PrefixTeardown.DEFAULT_MAX_COUNT);
    }

    @Test
    void aListOrATextOfTagsIsTakenAsWritten() {
        assertThat(TagText.of(List.of("env=pr-42", "team=x"))).isEqualTo("env=pr-42\nteam=x");
        assertThat(TagText.of(new StringBuilder("env=pr-42"))).isEqualTo("env=pr-42");
        assertThat(TagText.of(Map.of("build", 42))).isEqualTo("build=42");
        assertThat(TagText.of(null)).isNull();
        assertThat(TagText.split(" env=pr-42 \r\n\n team=a b \n")).containsExactly("env=pr-42", "team=a b");
        assertThat(TagText.split(" \n ")).isNull();
        assertThat(TagText.split(null)).isNull();
        assertThat(TagText.normalize(" env=pr-42\r\n\r\nteam=a b \r\n")).isEqualTo("env=pr-42\nteam=a b");
        assertThat(TagText.normalize("\r\n")).isNull();
    }

    @Test
    void aTagValueThatIsNeitherTextNorAListOfTextsIsRefusedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> TagText.of(Map.of("env", Map.of("a", "b"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'env'")
                .hasMessageContaining("[env: 'pr-42']");
        assertThatThrownBy(() -> TagText.of(List.of(List.of("env=x"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one KEY=VALUE per line");
    }

    @Test
    void aTextIsShownAsTheMapAJenkinsfileWouldWrite() {
        assertThat(TagText.toMapOrText("env=pr-42\nteam=a\nteam=b"))
                .isEqualTo(Map.of("env", "pr-42", "team", List.of("a", "b")));
        assertThat(TagText.toMapOrText("env=a=b")).isEqualTo(Map.of("env", "a=b"));
        assertThat(TagText.toMapOrText("no-equals")).isEqualTo("no-equals");
        assertThat(TagText.toMapOrText("")).isNull();
        Object round = TagText.toMapOrText(TagText.of(Map.of("team", List.of("a", "b"))));
        assertThat(round).isEqualTo(Map.of("team", List.of("a", "b")));
    }

    @Test
    void badTagLinesAreRefusedByThePlanBeforeAnythingIsSent() {
        assertThatThrownBy(() -> plan(DeletionRequest.builder().tags(TagText.split("env pr-42"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("give it as KEY=VALUE");
        assertThatThrownBy(() -> plan(
                        DeletionRequest.builder().tags(TagText.split("env=x")).name("a")))
                .hasMessage("Give exactly one of name, names, prefix and tags.");
    }

    @Test
    void aBlankWindowDeletesNowAndANumberSchedulesWithThatWindow() {
        assertThat(plan(DeletionRequest.builder().name("a").deleteOrSchedule(null))
                        .operation()
                        .toString())
                .isEqualTo("DELETE");
        assertThat(plan(DeletionRequest.builder().name("a").deleteOrSchedule(14))
                        .operation()
                        .toString())
                .isEqualTo("SCHEDULE(14 days)");
        assertThat(plan(DeletionRequest.builder().name("a").deleteOrSchedule(30))
                        .operation()
                        .toString())
                .isEqualTo("SCHEDULE(30 days)");
    }

    @Test
    void aWindowOutsideSevenToThirtyDaysIsRefusedUnderItsJenkinsName() {
        for (int days : new int[] {6, 31, -1}) {
            assertThatThrownBy(() -> plan(DeletionRequest.builder().name("a").deleteOrSchedule(days)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("recoveryWindowDays: Recovery window " + days + " is invalid")
                    .hasMessageContaining("from 7 to 30 days");
        }
    }

    @Test
    void jenkinsMessagesNameTagsAmongTheTargets() {
        assertThatThrownBy(() -> plan(DeletionRequest.builder()))
                .hasMessageContaining("or tags (every secret carrying them)");
    }

    @Test
    void aFormsWindowFieldIsBlankZeroOrSevenToThirty() {
        for (String ok : new String[] {null, "", " ", "0", "7", " 30 "}) {
            SecretOperation.checkRecoveryDaysField(ok);
        }
        for (String bad : new String[] {"6", "31", "-7", "x", "7.5"}) {
            assertThatThrownBy(() -> SecretOperation.checkRecoveryDaysField(bad))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("from 7 to 30");
        }
    }
}
