package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.TOKEN_TEXT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.error;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per row of the default status table, over real HTTP on loopback. */
class StatusTableTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeletionResult delete() throws InterruptedException {
        return Fixtures.client(server, clock, sleeper).build().delete(PROJECT, NAME);
    }

    private DeletionResult delete(ClientSettings settings) throws InterruptedException {
        return Fixtures.client(server, clock, sleeper)
                .settings(settings)
                .build()
                .delete(PROJECT, NAME);
    }

    @Test
    void status200IsDeletedWithOneWellFormedRequest() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("X-Request-Id", "abc123")
                .build());

        DeletionResult r = delete();

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.kind()).isEqualTo(ResultKind.DELETED);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.requestId()).isEqualTo("abc123");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("DELETE");
        assertThat(req.getTarget()).isEqualTo("/v1/" + PROJECT.value() + "/secrets/" + NAME.value());
        assertThat(req.getHeaders().get("X-Auth-Token")).isEqualTo(TOKEN_TEXT);
        assertThat(req.getHeaders().get("User-Agent")).startsWith("huaweicloud-csms-jenkins/");
        assertThat(req.getBodySize()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 202, 204})
    void anyOther2xxIsDeleted(int code) throws Exception {
        server.enqueue(status(code));
        assertThat(delete().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void status404IsAlreadyAbsentAndUnstableByDefault() throws Exception {
        server.enqueue(error(404, "CSMS.0005", "The secret does not exist"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.ALREADY_ABSENT);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.errorCode()).isEqualTo("CSMS.0005");
        assertThat(r.errorMessage()).isEqualTo("The secret does not exist");
        assertThat(r.requestId()).isEqualTo("req-404");
        assertThat(r.reason()).contains("already absent");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSMS.0005", "CSMS.0106"})
    void status400WithNotFoundCodesIsAlreadyAbsent(String code) throws Exception {
        server.enqueue(error(400, code, "not found"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.ALREADY_ABSENT);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void ifMissingDecidesTheOutcomeOfAbsence(Outcome ifMissing) throws Exception {
        server.enqueue(status(404));

        DeletionResult r = delete(Fixtures.fastSettings().ifMissing(ifMissing).build());

        assertThat(r.outcome()).isEqualTo(ifMissing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSMS.0002", "CSMS.0003", "CSMS.0004", "CSMS.9999"})
    void status400WithOtherCodesFailsWithoutRetry(String code) throws Exception {
        server.enqueue(error(400, code, "Invalid parameter"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.REJECTED);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pendingDeletionIsExplained() throws Exception {
        server.enqueue(error(400, "CSMS.0107", "secret is pending deletion"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.PENDING_DELETION);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.reason()).contains("scheduled deletion");
    }

    @Test
    void status403FailsWithoutRetry() throws Exception {
        server.enqueue(error(403, "CSMS.0401", "Forbidden"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.FORBIDDEN);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.reason()).contains("csms:secret:delete");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void status401WithAFixedTokenFailsAfterOneRequest() throws Exception {
        server.enqueue(error(401, "APIG.0301", "token expires"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.errorCode()).isEqualTo("APIG.0301");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void status401WithARenewableTokenReauthenticatesOnceAndSucceeds() throws Exception {
        server.enqueue(error(401, "APIG.0301", "token expires"));
        server.enqueue(status(200));
        RenewingSource tokens = new RenewingSource();

        DeletionResult r = Fixtures.client(server, clock, sleeper)
                .tokenSource(tokens)
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(tokens.issued.get(0));
        assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(tokens.issued.get(1));
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void status401TwiceWithARenewableTokenFailsAfterExactlyTwoRequests() throws Exception {
        server.enqueue(error(401, "APIG.0301", "token expires"));
        server.enqueue(error(401, "APIG.0301", "token expires"));
        server.enqueue(status(200));

        DeletionResult r = Fixtures.client(server, clock, sleeper)
                .tokenSource(new RenewingSource())
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.reason()).contains("freshly issued token");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void status429IsRetriedThenUnstable() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(429, "APIG.0308", "policy user over ratelimit"));
        }

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.THROTTLED);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.reason()).contains("after 3 attempts");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "4")
                .build());
        server.enqueue(status(200));

        DeletionResult r = delete();

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void retryAfterHttpDateIsHonouredRelativeToTheClock() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "Sun, 29 Nov 2026 12:00:07 GMT")
                .build());
        server.enqueue(status(200));

        delete();

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterIsCapped() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "3600")
                .build());
        server.enqueue(status(200));

        delete();

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedThenUnstable(int code) throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(code, "CSMS.0001", "internal error"));
        }

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.SERVER_ERROR);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.status()).isEqualTo(code);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void serverErrorThenSuccessIsSuccessOnTheSecondAttempt() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200));

        DeletionResult r = delete();

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.kind()).isEqualTo(ResultKind.DELETED);
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void absentAfterAnAmbiguousServerErrorIsSuccess() throws Exception {
        server.enqueue(status(504));
        server.enqueue(error(404, "CSMS.0005", "not found"));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.ABSENT_AFTER_RETRY);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.reason()).contains("earlier attempt").contains("HTTP 504");
    }

    @Test
    void absentAfterAThrottleIsStillAbsentBecauseA429WasNotProcessed() throws Exception {
        server.enqueue(status(429));
        server.enqueue(status(404));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.ALREADY_ABSENT);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsAreNeverFollowed(int code) throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            other.enqueue(status(200));
            server.enqueue(new MockResponse.Builder()
                    .code(code)
                    .addHeader("Location", other.url("/steal").toString())
                    .build());

            DeletionResult r = delete();

            assertThat(r.kind()).isEqualTo(ResultKind.REDIRECT);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.reason()).contains("redirect").contains("not followed");
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(other.getRequestCount()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {405, 409, 418, 501, 505})
    void otherStatusesFailWithoutRetry(int code) throws Exception {
        server.enqueue(status(code));

        DeletionResult r = delete();

        assertThat(r.kind()).isEqualTo(ResultKind.UNEXPECTED_STATUS);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void oneAttemptMeansNoRetry() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200));

        DeletionResult r = delete(Fixtures.fastSettings().attempts(1).build());

        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(r.reason()).doesNotContain("after");
    }

    @Test
    void backoffIsJitteredExponentialWithinItsCeilings() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(502));
        }

        delete(Fixtures.fastSettings().attempts(5).build());

        assertThat(sleeper.sleeps).hasSize(4);
        long[] ceilings = {1000, 2000, 4000, 8000};
        for (int i = 0; i < 4; i++) {
            assertThat(sleeper.sleeps.get(i).toMillis()).isBetween(0L, ceilings[i]);
        }
    }

    @Test
    void deadlineStopsRetriesThatWouldOutliveIt() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "20")
                .build());
        server.enqueue(status(200));

        DeletionResult r =
                delete(Fixtures.fastSettings().deadline(Duration.ofSeconds(15)).build());

        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.reason()).contains("deadline");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void durationIsMeasuredOnTheInjectedClock() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "3")
                .build());
        server.enqueue(status(200));

        DeletionResult r = delete();

        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void everyRetryIsAnnouncedToTheProgressListener() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200));
        List<String> messages = new ArrayList<>();

        Fixtures.client(server, clock, sleeper).progress(messages::add).build().delete(PROJECT, NAME);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0))
                .contains("retrying pr-42-db")
                .contains("HTTP 503")
                .contains("attempt 1 of 3");
    }

    @Test
    void policyOverridesChangeTheOutcome() throws Exception {
        server.enqueue(status(503));
        StatusPolicy strict = StatusPolicy.builder()
                .outcome(ResultKind.SERVER_ERROR, Outcome.FAILURE)
                .build();

        DeletionResult r =
                delete(Fixtures.fastSettings().attempts(1).policy(strict).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void connectionsAreReusedAcrossSecrets() throws Exception {
        server.enqueue(status(200));
        server.enqueue(status(200));
        CsmsClient client = Fixtures.client(server, clock, sleeper).build();

        client.deleteAll(PROJECT, List.of(SecretName.of("a"), SecretName.of("b")));

        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(first.getTarget()).endsWith("/secrets/a");
        assertThat(second.getTarget()).endsWith("/secrets/b");
        assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    }

    @Test
    void endpointPathPrefixIsKept() throws Exception {
        server.enqueue(status(200));
        CsmsClient client = Fixtures.client(server, clock, sleeper)
                .endpoint(Endpoint.of(server.url("/gateway/csms/").toString()))
                .build();

        client.delete(PROJECT, NAME);

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/gateway/csms/v1/" + PROJECT.value() + "/secrets/" + NAME.value());
    }

    /** Hands out a new token each time the previous one is rejected, as an IAM user credential does. */
    static final class RenewingSource implements TokenSource {
        final List<String> issued = new ArrayList<>();
        private Token current;

        @Override
        public synchronized Token token() {
            if (current == null) {
                String text = "MIIE-renewed-" + issued.size() + "-" + "z".repeat(40);
                issued.add(text);
                current = Token.of(text);
            }
            return current;
        }

        @Override
        public synchronized boolean refreshAfterRejection(Token rejected) {
            current = null;
            return true;
        }
    }
}
