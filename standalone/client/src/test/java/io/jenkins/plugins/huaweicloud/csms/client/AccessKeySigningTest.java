package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deletions signed with AK/SK over real HTTP: what is sent, per attempt, and what a 401 does. */
class AccessKeySigningTest {
    static final String AK = "HPUAEXAMPLEAK0000001";
    static final String SK = "SK-MARKER-exampleSecretKey0123456789abcdef";
    static final String SECURITY_TOKEN = "SECURITY-TOKEN-MARKER-" + "s".repeat(60);

    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-29T15:23:03Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CsmsClient client(AccessKey key) {
        return CsmsClient.builder()
                .endpoint(Fixtures.endpoint(server))
                .accessKeys(AccessKeySource.fixed(key))
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(sleeper)
                .progress(progress::add)
                .build();
    }

    /** Recomputes the signature of a recorded request from the headers it names (the signer's own canonical form). */
    static String expectedAuthorization(RecordedRequest r, String ak, String sk) {
        String authorization = r.getHeaders().get("Authorization");
        String list = authorization.replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
        Map<String, String> signed = new TreeMap<>();
        for (String name : list.split(";")) {
            signed.put(name, r.getHeaders().get(name));
        }
        byte[] body = r.getBody() == null ? null : r.getBody().toByteArray();
        HttpUrl url = r.getUrl();
        return SdkHmacSigner.authorization(
                ak, sk, r.getMethod(), url, signed, body == null || body.length == 0 ? null : body);
    }

    @Test
    void aDeletionIsSignedWithHostDateAndProject() throws Exception {
        server.enqueue(status(200));

        DeletionResult r = client(AccessKey.of(AK, SK)).delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.DELETED);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("X-Auth-Token")).isNull();
        assertThat(req.getHeaders().get("X-Sdk-Date")).isEqualTo("20261129T152303Z");
        assertThat(req.getHeaders().get("X-Project-Id")).isEqualTo(PROJECT.value());
        assertThat(req.getHeaders().get("Host")).isEqualTo(server.getHostName() + ":" + server.getPort());
        assertThat(req.getHeaders().get("X-Security-Token")).isNull();
        assertThat(req.getHeaders().get("Authorization"))
                .startsWith("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-project-id;x-sdk-date, Signature=")
                .isEqualTo(expectedAuthorization(req, AK, SK));
    }

    @Test
    void everyAttemptIsSignedAfreshWithItsOwnDate() throws Exception {
        // Retry-After makes the second attempt two seconds later: a new date, so a new signature.
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "2")
                .build());
        server.enqueue(status(200));

        DeletionResult r = client(AccessKey.of(AK, SK)).delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.DELETED);
        assertThat(r.attempts()).isEqualTo(2);
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(sleeper.sleeps).hasSize(1);
        Instant retriedAt = Instant.parse("2026-11-29T15:23:03Z").plus(sleeper.sleeps.get(0));
        assertThat(second.getHeaders().get("X-Sdk-Date"))
                .isEqualTo(AccessKeyAuthenticator.SDK_DATE.format(retriedAt))
                .isNotEqualTo(first.getHeaders().get("X-Sdk-Date"));
        assertThat(second.getHeaders().get("Authorization"))
                .isNotEqualTo(first.getHeaders().get("Authorization"))
                .isEqualTo(expectedAuthorization(second, AK, SK));
    }

    @Test
    void temporaryKeysSendAndSignTheSecurityToken() throws Exception {
        server.enqueue(status(200));

        client(AccessKey.temporary(AK, SK, SECURITY_TOKEN)).delete(PROJECT, NAME);

        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("X-Security-Token")).isEqualTo(SECURITY_TOKEN);
        assertThat(req.getHeaders().get("Authorization"))
                .contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,")
                .isEqualTo(expectedAuthorization(req, AK, SK));
    }

    @Test
    void aRefusedSignatureIsNotRetriedAndThePairIsNotUsedAgain() throws Exception {
        server.enqueue(Fixtures.error(
                401, "APIGW.0301", "Incorrect IAM authentication information: verify aksk" + " signature fail"));
        server.enqueue(status(200));
        CsmsClient client = client(AccessKey.of(AK, SK));

        List<DeletionResult> results =
                client.deleteAll(PROJECT, List.of(SecretName.of("pr-1"), SecretName.of("pr-2"), SecretName.of("pr-3")));

        assertThat(server.getRequestCount()).isEqualTo(1);
        DeletionResult first = results.get(0);
        assertThat(first.kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.errorCode()).isEqualTo("APIGW.0301");
        assertThat(first.reason())
                .contains("access key id (AK)", "secret access key (SK)", "clock", "X-Sdk-Date", "15 minutes");
        assertThat(results.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.attempts()).isZero();
            assertThat(r.reason()).contains("not sent", "refused", "clock");
        });
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(progress).isEmpty();
    }

    @Test
    void anotherPairIsNotHeldBackByARefusedOne() throws Exception {
        server.enqueue(Fixtures.error(401, "APIG.0301", "verify aksk signature fail"));
        server.enqueue(status(200));

        assertThat(client(AccessKey.of(AK, SK)).delete(PROJECT, NAME).kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(client(AccessKey.of(AK, SK)).delete(PROJECT, NAME).kind())
                .as("a new client (a new run) tries again")
                .isEqualTo(ResultKind.DELETED);
    }

    @Test
    void anEchoedSecurityTokenIsMaskedAndTheSecretKeyNeverShows() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("X-Request-Id", SK)
                .body("{\"error_code\":\"CSMS.0002\",\"error_msg\":\"bad X-Security-Token " + SECURITY_TOKEN
                        + " and prefix " + SECURITY_TOKEN.substring(0, 30) + " sk " + SK.substring(3, 27) + "\"}")
                .build());

        DeletionResult r = client(AccessKey.temporary(AK, SK, SECURITY_TOKEN)).delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.REJECTED);
        // The run's SecretRedactor: whole values and 24-character pieces become its marker.
        String m = SecretRedactor.MARKER;
        assertThat(r.errorMessage()).isEqualTo("bad X-Security-Token " + m + " and prefix " + m + " sk " + m);
        assertThat(r.requestId()).isNull();
        String all = r.toLogLine() + r.toJson() + r + r.toMap() + progress;
        assertThat(all).contains("bad X-Security-Token").doesNotContain(SECURITY_TOKEN.substring(0, 24));
        assertThat(all).doesNotContain(SK);
        assertThat(AccessKey.temporary(AK, SK, SECURITY_TOKEN).toString())
                .doesNotContain(SK)
                .doesNotContain(SECURITY_TOKEN)
                .doesNotContain(AK);
    }

    @Test
    void theKeysAreRegisteredWithTheRunsRedactorWhenTheClientIsBuilt() {
        SecretRedactor shared = new SecretRedactor();
        CsmsClient.builder()
                .endpoint(Fixtures.endpoint(server))
                .accessKeys(AccessKeySource.fixed(AccessKey.temporary(AK, SK, SECURITY_TOKEN)))
                .redactor(shared)
                .build();

        assertThat(shared.redact("sk " + SK + ", token " + SECURITY_TOKEN))
                .isEqualTo("sk " + SecretRedactor.MARKER + ", token " + SecretRedactor.MARKER);
        assertThat(shared.reveals(AK)).as("the access key id is not a secret").isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void invalidKeysAreRefusedWithoutEchoingThem() {
        for (Runnable bad : List.<Runnable>of(
                () -> AccessKey.of(null, SK),
                () -> AccessKey.of(AK, " "),
                () -> AccessKey.of("AK WITH SPACE", SK),
                () -> AccessKey.of(AK, SK + "\nX-Injected: 1"),
                () -> AccessKey.temporary(AK, SK, null),
                () -> AccessKey.temporary(AK, SK, SECURITY_TOKEN + "\u00e9"))) {
            try {
                bad.run();
                throw new AssertionError("accepted");
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).doesNotContain(SK).doesNotContain(SECURITY_TOKEN);
            }
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSignedListingCarriesTheQueryInTheSignature() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"secrets\":[{\"name\":\"a\"}],\"page_info\":{}}")
                .build());
        List<String> names = new ArrayList<>();

        new SecretLister(client(AccessKey.of(AK, SK))).forEachName(PROJECT, names::add);

        RecordedRequest req = server.takeRequest();
        assertThat(names).containsExactly("a");
        assertThat(req.getUrl().query()).isEqualTo("limit=50");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo(expectedAuthorization(req, AK, SK));
    }
}
