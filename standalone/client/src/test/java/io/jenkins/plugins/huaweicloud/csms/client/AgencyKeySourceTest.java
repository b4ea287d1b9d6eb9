package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.AccessKeySigningTest.AK;
import static io.jenkins.plugins.huaweicloud.csms.client.AccessKeySigningTest.SK;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Temporary keys of an agency: the securitytokens call, its cache, one renewal on a CSMS 401, IAM errors. */
class AgencyKeySourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private final MockWebServer iam = new MockWebServer();
    private final MockWebServer csms = new MockWebServer();
    private final FakeClock clock = new FakeClock(START);
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        iam.start();
        csms.start();
    }

    @AfterEach
    void stop() {
        iam.close();
        csms.close();
    }

    private AgencyKeySource source() {
        return new AgencyKeySource(
                Fixtures.endpoint(iam),
                AccessKey.of(AK, SK),
                Agency.of("csms-teardown", "target-account").withDuration(Duration.ofHours(2)),
                CsmsClient.newHttpClient(Fixtures.fastSettings().build()),
                clock);
    }

    private CsmsClient client(AccessKeySource keys) {
        return CsmsClient.builder()
                .endpoint(Fixtures.endpoint(csms))
                .accessKeys(keys)
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .progress(progress::add)
                .build();
    }

    static MockResponse issued(int n, Instant expiresAt) {
        return new MockResponse.Builder()
                .code(201)
                .addHeader("Content-Type", "application/json")
                .body("{\"credential\":{\"access\":\"TEMPAK" + n + "\",\"secret\":\"temp-sk-" + n
                        + "\",\"securitytoken\":\"temp-security-token-" + n + "-" + "x".repeat(40)
                        + "\",\"expires_at\":\"" + expiresAt + "\"}}")
                .build();
    }

    @Test
    void assumesTheAgencyWithASignedRequestAndDeletesWithTheTemporaryKeys() throws Exception {
        iam.enqueue(issued(1, START.plus(Duration.ofHours(2))));
        csms.enqueue(status(200));

        DeletionResult r = client(source()).delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.DELETED);
        RecordedRequest sts = iam.takeRequest();
        assertThat(sts.getMethod()).isEqualTo("POST");
        assertThat(sts.getTarget()).isEqualTo("/v3.0/OS-CREDENTIAL/securitytokens");
        assertThat(sts.getHeaders().get("Authorization"))
                .startsWith("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-sdk-date, ")
                .isEqualTo(AccessKeySigningTest.expectedAuthorization(sts, AK, SK));
        JsonNode body = JSON.readTree(sts.getBody().utf8());
        assertThat(body.at("/auth/identity/methods/0").asText()).isEqualTo("assume_role");
        assertThat(body.at("/auth/identity/assume_role/agency_name").asText()).isEqualTo("csms-teardown");
        assertThat(body.at("/auth/identity/assume_role/domain_name").asText()).isEqualTo("target-account");
        assertThat(body.at("/auth/identity/assume_role/duration_seconds").asLong())
                .isEqualTo(7200);
        RecordedRequest delete = csms.takeRequest();
        assertThat(delete.getHeaders().get("X-Security-Token")).startsWith("temp-security-token-1-");
        assertThat(delete.getHeaders().get("Authorization"))
                .startsWith("SDK-HMAC-SHA256 Access=TEMPAK1, ")
                .isEqualTo(AccessKeySigningTest.expectedAuthorization(delete, "TEMPAK1", "temp-sk-1"));
    }

    @Test
    void temporaryKeysAreCachedUntilAFewMinutesBeforeTheyExpire() throws Exception {
        AgencyKeySource source = source();
        iam.enqueue(issued(1, START.plus(Duration.ofHours(1))));
        iam.enqueue(issued(2, START.plus(Duration.ofHours(2))));

        AccessKey first = source.accessKey();
        clock.advance(Duration.ofMinutes(54));
        assertThat(source.accessKey()).isSameAs(first);
        clock.advance(Duration.ofMinutes(2)); // 4 minutes before expires_at
        AccessKey second = source.accessKey();

        assertThat(second.id()).isEqualTo("TEMPAK2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void aCsmsRejectionRenewsTheKeysOnceThenStops() throws Exception {
        AgencyKeySource source = source();
        CsmsClient client = client(source);
        iam.enqueue(issued(1, START.plus(Duration.ofHours(2))));
        iam.enqueue(issued(2, START.plus(Duration.ofHours(2))));
        csms.enqueue(Fixtures.error(401, "APIGW.0301", "verify aksk signature fail"));
        csms.enqueue(status(200));

        assertThat(client.delete(PROJECT, SecretName.of("pr-1")).kind()).isEqualTo(ResultKind.DELETED);
        assertThat(progress).singleElement().asString().contains("refused the temporary access key");

        // The renewed pair is refused as well: no third pair, and the next names are not sent.
        csms.enqueue(Fixtures.error(401, "APIGW.0301", "verify aksk signature fail"));
        DeletionResult refused = client.delete(PROJECT, SecretName.of("pr-2"));
        DeletionResult notSent = client.delete(PROJECT, SecretName.of("pr-3"));

        assertThat(refused.kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(refused.reason()).contains("clock");
        assertThat(notSent.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
        assertThat(notSent.attempts()).isZero();
        assertThat(source.calls()).isEqualTo(2);
        assertThat(csms.getRequestCount()).isEqualTo(3);
    }

    @Test
    void temporaryKeysAreRegisteredWithTheRunsRedactorAsTheyArriveSoACsmsEchoOfThemIsRedacted() throws Exception {
        iam.enqueue(issued(1, START.plus(Duration.ofHours(2))));
        String token = "temp-security-token-1-" + "x".repeat(40);
        csms.enqueue(new MockResponse.Builder()
                .code(400)
                .body("{\"error_code\":\"CSMS.0002\",\"error_msg\":\"bad temp-sk-1 " + token + " start "
                        + token.substring(0, 26) + "\"}")
                .build());
        SecretRedactor shared = new SecretRedactor();
        AgencyKeySource source = source();
        CsmsClient client = CsmsClient.builder()
                .endpoint(Fixtures.endpoint(csms))
                .accessKeys(source)
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .redactor(shared)
                .build();
        assertThat(shared.redact(SK)).as("the long-term SK at once").isEqualTo(SecretRedactor.MARKER);
        assertThat(shared.reveals(token)).as("no temporary key yet").isFalse();

        DeletionResult r = client.delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.REJECTED);
        String m = SecretRedactor.MARKER;
        assertThat(r.errorMessage()).isEqualTo("bad " + m + " " + m + " start " + m);
        assertThat(shared.reveals(token)).isTrue();
        assertThat(r.toLogLine() + r.toJson()).doesNotContain("temp-sk-1").doesNotContain(token.substring(0, 24));
    }

    @Test
    void anIamRequestIdEchoingTheSecretKeyNeverReachesTheMessage() {
        iam.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("X-Request-Id", SK)
                .body("{\"error\":{\"code\":\"IAM.0002\",\"message\":\"denied\"}}")
                .build());

        assertThatThrownBy(() -> source().accessKey())
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageNotContaining(SK)
                .hasMessageNotContaining(SK.substring(10, 34))
                .satisfies(e -> assertThat(((TokenException) e).requestId()).isNull());
    }

    @Test
    void anIamRefusalIsNeverRetriedAndIsRemembered() throws Exception {
        iam.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"error\":{\"code\":\"IAM.0002\",\"message\":\"echo " + SK + "\"}}")
                .build());
        AgencyKeySource source = source();
        CsmsClient client = client(source);

        List<DeletionResult> results = client.deleteAll(PROJECT, List.of(SecretName.of("pr-1"), SecretName.of("pr-2")));

        assertThat(iam.getRequestCount()).isEqualTo(1);
        assertThat(csms.getRequestCount()).isZero();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
            assertThat(r.reason())
                    .contains("csms-teardown", "HTTP 403", "Not retried")
                    .doesNotContain(SK);
        });
    }

    @Test
    void concurrentCallersShareOneIamCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MockResponse answer = issued(1, START.plus(Duration.ofHours(2)));
        iam.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return answer;
            }
        });
        AgencyKeySource source = source();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AccessKey>> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add(pool.submit(source::accessKey));
            }
            assertThat(iam.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
            // The IAM call is in flight: the source's lock is free meanwhile.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThat(source.calls()).isEqualTo(1);
                assertThat(source.renewAfterRejection(AccessKey.of("OTHER", "other-sk")))
                        .isTrue();
            });
            release.countDown();
            for (Future<AccessKey> k : keys) {
                assertThat(k.get(10, TimeUnit.SECONDS).id()).isEqualTo("TEMPAK1");
            }
            assertThat(iam.getRequestCount()).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anAgencyOutsideTheAllowedDurationIsRefusedBeforeAnything() {
        assertThatThrownBy(() -> Agency.of("a", "b").withDuration(Duration.ofMinutes(14)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("900");
        assertThatThrownBy(() -> Agency.of(" ", "b")).hasMessageContaining("Agency name is missing");
        assertThat(iam.getRequestCount()).isZero();
    }
}
