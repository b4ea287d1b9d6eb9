package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeletionResultTest {
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String HOST = "kms.cn-north-4.myhuaweicloud.com";

    private static DeletionResult.Builder rejected() {
        return DeletionResult.builder()
                .project(PROJECT)
                .name("pr-42-db")
                .endpointHost(HOST)
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

    private static DeletionResult.Builder deleted() {
        return DeletionResult.builder()
                .project(PROJECT)
                .name("pr-42-db")
                .endpointHost(HOST)
                .status(200)
                .requestId("abc")
                .attempts(1)
                .duration(Duration.ofMillis(85))
                .kind(ResultKind.DELETED)
                .outcome(Outcome.SUCCESS)
                .reason("deleted");
    }

    @Test
    void logLineOfASuccess() {
        assertThat(deleted().build().toLogLine())
                .isEqualTo("SUCCESS pr-42-db: deleted (project " + PROJECT + ", host " + HOST
                        + ", HTTP 200, request id abc, 1 attempt, 85 ms)");
    }

    @Test
    void logLineOfAFailureHasEverythingSupportAsksFor() {
        DeletionResult r = rejected().build();
        assertThat(r.toLogLine())
                .startsWith("FAILURE pr-42-db: rejected by CSMS")
                .contains("project " + PROJECT)
                .contains("host " + HOST)
                .contains("HTTP 400 CSMS.0002 \"Invalid parameter\"")
                .contains("request id 0e1f2a3b-4c5d")
                .contains("2 attempts")
                .endsWith("1234 ms)");
        assertThat(r).hasToString(r.toLogLine());
    }

    @Test
    void noAnswerNoHostAndNoDuration() {
        DeletionResult r = rejected()
                .status(0)
                .endpointHost(null)
                .errorCode(null)
                .errorMessage(null)
                .requestId(null)
                .duration(null)
                .kind(ResultKind.NETWORK_ERROR)
                .outcome(Outcome.UNSTABLE)
                .reason("network error: connection refused")
                .build();
        assertThat(r.toLogLine())
                .isEqualTo("UNSTABLE pr-42-db: network error: connection refused (project " + PROJECT
                        + ", no HTTP answer, 2 attempts, 0 ms)")
                .doesNotContain("HTTP 0", "host", "request id");
        assertThat(r.duration()).isZero();
    }

    @Test
    void toMapHasTheDocumentedKeysInOrder() {
        Map<String, Object> m = rejected().build().toMap();
        assertThat(new ArrayList<>(m.keySet()))
                .containsExactly(
                        "name",
                        "project",
                        "outcome",
                        "status",
                        "errorCode",
                        "errorMessage",
                        "requestId",
                        "attempts",
                        "durationMillis",
                        "kind",
                        "reason",
                        "endpointHost");
        assertThat(m)
                .containsEntry("name", "pr-42-db")
                .containsEntry("outcome", "FAILURE")
                .containsEntry("status", 400)
                .containsEntry("attempts", 2)
                .containsEntry("durationMillis", 1234L)
                .containsEntry("kind", "REJECTED");
        assertThatThrownBy(() -> m.put("name", "other")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toJsonIsOneLineThatParsesBackToTheSameValues() throws Exception {
        DeletionResult r =
                rejected().errorMessage("quote \" and backslash \\ and ünïcode").build();
        String json = r.toJson();
        assertThat(json).doesNotContain("\n");
        JsonNode node = new ObjectMapper().readTree(json);
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(r.toMap().keySet());
        assertThat(node.get("name").asText()).isEqualTo("pr-42-db");
        assertThat(node.get("project").asText()).isEqualTo(PROJECT);
        assertThat(node.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(node.get("status").asInt()).isEqualTo(400);
        assertThat(node.get("errorCode").asText()).isEqualTo("CSMS.0002");
        assertThat(node.get("errorMessage").asText()).isEqualTo("quote \" and backslash \\ and ünïcode");
        assertThat(node.get("requestId").asText()).isEqualTo("0e1f2a3b-4c5d");
        assertThat(node.get("attempts").asInt()).isEqualTo(2);
        assertThat(node.get("durationMillis").asLong()).isEqualTo(1234L);
        assertThat(node.get("kind").asText()).isEqualTo("REJECTED");
        assertThat(node.get("reason").asText()).isEqualTo("rejected by CSMS");
        assertThat(node.get("endpointHost").asText()).isEqualTo(HOST);

        JsonNode empty = new ObjectMapper()
                .readTree(rejected()
                        .errorCode(null)
                        .errorMessage(null)
                        .requestId(null)
                        .build()
                        .toJson());
        assertThat(empty.get("errorCode").isNull()).isTrue();
        assertThat(empty.get("errorMessage").isNull()).isTrue();
        assertThat(empty.get("requestId").isNull()).isTrue();
    }

    @Test
    void controlCharactersInTheMessageAndReasonAreRemoved() {
        DeletionResult r = rejected()
                .errorMessage("bad\r\nFAILURE other-secret: forged line\u0000\u202E")
                .reason("rejected\nby CSMS")
                .build();
        assertThat(r.errorMessage()).isEqualTo("bad FAILURE other-secret: forged line");
        assertThat(r.reason()).isEqualTo("rejected by CSMS");
        assertThat(r.toLogLine()).doesNotContain("\n", "\r", "\u0000", "\u202E");
        assertThat(r.toMap()).containsEntry("errorMessage", "bad FAILURE other-secret: forged line");
    }

    @Test
    void aLongMessageIsCappedAndALongReasonToo() {
        DeletionResult r = rejected()
                .errorMessage("m".repeat(5_000))
                .reason("r".repeat(5_000))
                .build();
        assertThat(r.errorMessage()).hasSize(LogText.MAX_LENGTH).endsWith("…");
        assertThat(r.reason()).hasSize(1024).endsWith("…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc def", "id\nFAILURE forged"})
    void aRequestIdOfTheWrongShapeBecomesNull(String requestId) {
        DeletionResult r = rejected().requestId(requestId).build();
        assertThat(r.requestId()).isNull();
        assertThat(r.toLogLine()).doesNotContain("request id");
        assertThat(r.toMap()).containsEntry("requestId", null);
    }

    @Test
    void aRequestIdWithSurroundingWhitespaceIsKeptStripped() {
        assertThat(rejected().requestId("  req-1:2.3_4 \n").build().requestId()).isEqualTo("req-1:2.3_4");
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> rejected().name(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> rejected().project(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("project");
        assertThatThrownBy(() -> rejected().outcome(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("outcome");
        assertThatThrownBy(() -> rejected().reason(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
    }
}
