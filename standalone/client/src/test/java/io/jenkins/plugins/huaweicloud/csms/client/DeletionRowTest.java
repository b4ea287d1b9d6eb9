package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The build page's rows and their summary counts, made from the engine's results. */
class DeletionRowTest {
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String HOST = "kms.cn-north-4.myhuaweicloud.com";
    private static final long WHEN = 1_700_000_000_123L;

    private static DeletionResult.Builder deleted(String name) {
        return DeletionResult.builder()
                .project(PROJECT)
                .name(name)
                .endpointHost(HOST)
                .status(200)
                .requestId("abc")
                .attempts(1)
                .duration(Duration.ofMillis(85))
                .kind(ResultKind.DELETED)
                .outcome(Outcome.SUCCESS)
                .reason("deleted");
    }

    private static DeletionResult.Builder rejected(String name) {
        return deleted(name)
                .status(400)
                .errorCode("CSMS.0002")
                .errorMessage("Invalid parameter")
                .requestId("0e1f2a3b-4c5d")
                .attempts(2)
                .duration(Duration.ofMillis(1234))
                .kind(ResultKind.REJECTED)
                .outcome(Outcome.FAILURE)
                .reason("rejected by CSMS");
    }

    private static DeletionResult.Builder unreachable(String name) {
        return deleted(name)
                .status(0)
                .endpointHost(null)
                .requestId(null)
                .attempts(3)
                .duration(null)
                .kind(ResultKind.NETWORK_ERROR)
                .outcome(Outcome.UNSTABLE)
                .reason("network error reaching " + HOST);
    }

    @Test
    void aRowHoldsEveryFieldOfAFailedResult() {
        DeletionRow row = DeletionRow.of(rejected("pr-42-db").build(), WHEN);

        assertThat(row.getName()).isEqualTo("pr-42-db");
        assertThat(row.getProject()).isEqualTo(PROJECT);
        assertThat(row.getEndpointHost()).isEqualTo(HOST);
        assertThat(row.getOutcome()).isEqualTo("FAILURE");
        assertThat(row.getKind()).isEqualTo("REJECTED");
        assertThat(row.getStatus()).isEqualTo(400);
        assertThat(row.getErrorCode()).isEqualTo("CSMS.0002");
        assertThat(row.getErrorMessage()).isEqualTo("Invalid parameter");
        assertThat(row.getRequestId()).isEqualTo("0e1f2a3b-4c5d");
        assertThat(row.getAttempts()).isEqualTo(2);
        assertThat(row.getDurationMillis()).isEqualTo(1234);
        assertThat(row.getTime()).isEqualTo(new Date(WHEN));
        assertThat(row.getReason()).isEqualTo("rejected by CSMS");
    }

    @Test
    void aSuccessAndAnUnansweredResult() {
        DeletionRow success = DeletionRow.of(deleted("a").build(), WHEN);
        DeletionRow unanswered = DeletionRow.of(unreachable("b").build(), WHEN);

        assertThat(success.getOutcome()).isEqualTo("SUCCESS");
        assertThat(success.getKind()).isEqualTo("DELETED");
        assertThat(success.getStatus()).isEqualTo(200);
        assertThat(success.getErrorCode()).isNull();
        assertThat(success.getErrorMessage()).isNull();
        assertThat(unanswered.getOutcome()).isEqualTo("UNSTABLE");
        assertThat(unanswered.getKind()).isEqualTo("NETWORK_ERROR");
        assertThat(unanswered.getStatus()).as("no answer").isZero();
        assertThat(unanswered.getEndpointHost()).isNull();
        assertThat(unanswered.getRequestId()).isNull();
        assertThat(unanswered.getDurationMillis()).isZero();
        assertThat(unanswered.getAttempts()).isEqualTo(3);
    }

    @Test
    void theTimeIsANewDateEachCallSoNoCallerCanChangeTheRow() {
        DeletionRow row = DeletionRow.of(deleted("a").build(), WHEN);

        row.getTime().setTime(0);

        assertThat(row.getTime()).isEqualTo(new Date(WHEN)).isNotSameAs(row.getTime());
    }

    @Test
    void resultsRecordedTogetherKeepTheirOrderAndShareTheirTime() {
        List<DeletionRow> rows = DeletionRow.all(
                List.of(
                        deleted("b").build(),
                        rejected("a").build(),
                        unreachable("c").build()),
                WHEN);

        assertThat(rows).extracting(DeletionRow::getName).containsExactly("b", "a", "c");
        assertThat(rows).extracting(DeletionRow::getTime).containsOnly(new Date(WHEN));
        assertThat(DeletionRow.all(List.of(), WHEN)).isEmpty();
    }

    @Test
    void theCountsHaveOneNumberPerOutcome() {
        List<DeletionRow> rows = DeletionRow.all(
                List.of(
                        deleted("a").build(),
                        unreachable("b").build(),
                        rejected("c").build(),
                        deleted("d").kind(ResultKind.ALREADY_ABSENT).build(),
                        rejected("e").build(),
                        rejected("f").build()),
                WHEN);

        assertThat(OutcomeCounts.of(rows)).isEqualTo(new OutcomeCounts(2, 1, 3));
        assertThat(OutcomeCounts.of(List.of())).isEqualTo(new OutcomeCounts(0, 0, 0));
    }

    @Test
    void theFieldsArePlainSoXStreamWritesOneElementPerFieldAndReadsThemBack() {
        Map<String, Class<?>> fields = Arrays.stream(DeletionRow.class.getDeclaredFields())
                .filter(f -> !f.isSynthetic())
                .peek(f -> assertThat(f.getModifiers() & (Modifier.FINAL | Modifier.TRANSIENT))
                        .as(f.getName())
                        .isEqualTo(Modifier.FINAL))
                .collect(Collectors.toMap(Field::getName, Field::getType));

        // The names a build record stores; the build page's views read them through the getters.
        assertThat(fields)
                .containsOnlyKeys(
                        "name",
                        "project",
                        "endpointHost",
                        "outcome",
                        "kind",
                        "status",
                        "errorCode",
                        "errorMessage",
                        "requestId",
                        "attempts",
                        "durationMillis",
                        "timestamp",
                        "reason");
        assertThat(fields.values()).allMatch(t -> t == String.class || t == int.class || t == long.class);
        assertThat(DeletionRow.class.isRecord()).isFalse();
    }

    @Test
    void aTokenTheServerEchoedIsAlreadyRedactedInTheRow() throws Exception {
        try (CsmsEmulator emulator = CsmsEmulator.builder().start()) {
            String token = emulator.issueToken(PROJECT);
            emulator.createSecret(PROJECT, "echo-400", "v");
            emulator.script(
                    "echo-400",
                    Fault.status(400)
                            .errorCode("CSMS.0002")
                            .message("Invalid X-Auth-Token")
                            .echoToken());
            FakeClock clock = new FakeClock();
            CsmsClient client = CsmsClient.builder()
                    .endpoint(Endpoint.of(emulator.url()))
                    .tokenSource(TokenSource.fixed(Token.of(token)))
                    .clock(clock)
                    .sleeper(new RecordingSleeper(clock))
                    .build();

            DeletionRow row = DeletionRow.of(client.delete(ProjectId.of(PROJECT), SecretName.of("echo-400")), WHEN);

            assertThat(row.getErrorMessage()).isEqualTo("Invalid X-Auth-Token: " + SecretRedactor.MARKER);
            assertThat(row.getRequestId()).isNull();
            String shown = String.join(
                    "\n",
                    row.getName(),
                    row.getErrorCode(),
                    row.getErrorMessage(),
                    String.valueOf(row.getRequestId()),
                    row.getReason());
            for (int i = 0; i + SecretRedactor.MIN_PIECE <= token.length(); i++) {
                assertThat(shown).doesNotContain(token.substring(i, i + SecretRedactor.MIN_PIECE));
            }
        }
    }
}
