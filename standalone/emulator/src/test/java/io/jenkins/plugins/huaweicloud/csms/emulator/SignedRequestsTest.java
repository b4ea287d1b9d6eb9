package io.jenkins.plugins.huaweicloud.csms.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AK/SK over loopback: the shared vectors as sent by the official SDK, and every gateway refusal. */
class SignedRequestsTest {
    static final String PROJECT = Vectors.SDK_PROJECT;
    static final String OTHER = "fedcba9876543210fedcba9876543210";
    static final String FOREIGN = "11112222333344445555666677778888";
    static final String TARGET_PROJECT = "99990000aaaabbbbccccddddeeeeffff";
    static final String AK = "HPUAEXAMPLEAK0000001";
    static final String SK = "exampleSecretKey0123456789abcdefghijklmnopq";
    static final Instant VECTOR_TIME = Instant.parse("2026-11-29T15:23:03Z");

    private final MutableClock clock = new MutableClock(VECTOR_TIME);
    private CsmsEmulator emu;

    @BeforeEach
    void start() {
        emu = CsmsEmulator.builder()
                .accessKey("acme", AK, SK, PROJECT, OTHER)
                .accessKey("elsewhere", "OTHERAK0000000000001", "other-secret-key", FOREIGN)
                .agency("target", "csms-teardown", "acme", TARGET_PROJECT)
                .secret(PROJECT, "pr-42-db", "v")
                .secret(OTHER, "pr-42-db", "v")
                .secret(TARGET_PROJECT, "pr-42-db", "v")
                .clock(clock)
                .start();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /** Sends a vector's request as the SDK sent it (its Host header included) to the emulator. */
    private Http.Result send(Vectors v) throws IOException {
        Request.Builder b = new Request.Builder().url(emu.url() + v.url().getRawPath());
        v.headers().forEach(b::header);
        b.method(v.method(), v.body() == null ? null : RequestBody.create(v.body(), Http.JSON));
        return execute(b.build());
    }

    private static Http.Result execute(Request request) throws IOException {
        try (Response r = Http.CLIENT.newCall(request).execute()) {
            return new Http.Result(r.code(), r.body().string(), r);
        }
    }

    private Request signed(String method, String path, Map<String, String> headers, String... unsigned) {
        return TestSigner.sign(method, emu.url() + path, null, AK, SK, clock.instant(), headers, unsigned);
    }

    private static void assertRefused(Http.Result r, String message) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(r.json().path("error_msg").asText()).contains(message);
    }

    @Test
    void theSdksSignedDeleteIsAcceptedAndApplied() throws IOException {
        Http.Result r = send(Vectors.named("sdk: delete, simple name"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(emu.hasSecret(PROJECT, "pr-42-db")).isFalse();
        assertThat(emu.hasSecret(OTHER, "pr-42-db")).isTrue();
    }

    @Test
    void aBadOrMissingSignatureIsRefused() throws IOException {
        Vectors v = Vectors.named("sdk: delete, simple name");
        String authorization = v.header("Authorization");

        assertRefused(
                send(v.withHeader("Authorization", Vectors.changeOne(authorization, authorization.length() - 1))),
                "verify aksk signature fail");
        assertRefused(
                send(v.withHeader("Authorization", authorization.replaceAll(", Signature=.*", ""))),
                "verify aksk signature fail");
        assertRefused(send(v.withHeader("X-Project-Id", OTHER)), "verify aksk signature fail");
        assertThat(emu.hasSecret(PROJECT, "pr-42-db")).isTrue();
    }

    @Test
    void anUnknownAccessKeyIsRefused() throws IOException {
        Vectors v = Vectors.named("sdk: delete, simple name");

        assertRefused(
                send(v.withHeader("Authorization", v.header("Authorization").replace(AK, "UNKNOWNAK00000000001"))),
                "access key does not exist");
    }

    @Test
    void aDateMoreThanFifteenMinutesOffIsRefused() throws IOException {
        Vectors v = Vectors.named("sdk: delete, simple name");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertRefused(send(v), "15 minutes");

        clock.advance(Duration.ofMinutes(-30).minusSeconds(2));
        assertRefused(send(v), "15 minutes");

        clock.advance(Duration.ofMinutes(30).plusSeconds(1)); // exactly 15 minutes later: still accepted
        assertThat(send(v).status()).isEqualTo(200);
    }

    @Test
    void fiveConsecutiveFailuresLockThePairForFiveMinutes() throws IOException {
        Vectors v = Vectors.named("sdk: delete, simple name");
        Vectors bad = v.withHeader("X-Sdk-Date", "20261129T152304Z");
        for (int i = 0; i < 5; i++) {
            assertRefused(send(bad), "verify aksk signature fail");
        }

        assertRefused(send(v), "locked for 5 minutes after 5 consecutive failures");
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertRefused(send(v), "locked");
        clock.advance(Duration.ofSeconds(1));
        assertThat(send(v).status()).isEqualTo(200);
    }

    @Test
    void aSuccessResetsTheFailureCount() throws IOException {
        Vectors v = Vectors.named("sdk: show secret");
        Vectors bad = v.withHeader("X-Sdk-Date", "20261129T152304Z");
        for (int i = 0; i < 4; i++) {
            send(bad);
        }
        assertThat(send(v).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            send(bad);
        }
        assertThat(send(v).status()).isEqualTo(200);
    }

    @Test
    void theProjectHeaderMustMatchThePathAndTheAccountMustHoldIt() throws IOException {
        Http.Result mismatch =
                execute(signed("DELETE", "/v1/" + OTHER + "/secrets/pr-42-db", Map.of("X-Project-Id", PROJECT)));
        assertThat(mismatch.status()).isEqualTo(403);
        assertThat(mismatch.json().path("error_msg").asText()).contains("X-Project-Id");

        Http.Result foreign =
                execute(signed("DELETE", "/v1/" + FOREIGN + "/secrets/pr-42-db", Map.of("X-Project-Id", FOREIGN)));
        assertThat(foreign.status()).isEqualTo(403);

        assertThat(execute(signed("DELETE", "/v1/" + OTHER + "/secrets/pr-42-db", Map.of("X-Project-Id", OTHER)))
                        .status())
                .isEqualTo(200);
        assertThat(emu.hasSecret(PROJECT, "pr-42-db")).isTrue();
    }

    @Test
    void anUnsignedHostIsRefused() throws IOException {
        assertRefused(
                execute(signed("DELETE", "/v1/" + PROJECT + "/secrets/pr-42-db", Map.of(), "host")),
                "verify aksk signature fail");
    }

    private JsonNode assumeRole(String body, int expectedStatus) throws IOException {
        Request request = TestSigner.sign(
                "POST", emu.url() + "/v3.0/OS-CREDENTIAL/securitytokens", body, AK, SK, clock.instant(), Map.of());
        Http.Result r = execute(request);
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return r.json();
    }

    static String assumeRoleBody(String agency, String domainField, String domain, long seconds) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"assume_role\"],\"assume_role\":{\"agency_name\":\"" + agency
                + "\",\"" + domainField + "\":\"" + domain + "\",\"duration_seconds\":" + seconds + "}}}}";
    }

    @Test
    void anAgencyGivesTemporaryKeysThatNeedTheirSecurityToken() throws IOException {
        JsonNode credential = assumeRole(assumeRoleBody("csms-teardown", "domain_name", "target", 900), 201)
                .path("credential");
        String ak = credential.path("access").asText();
        String sk = credential.path("secret").asText();
        String token = credential.path("securitytoken").asText();
        assertThat(Instant.parse(credential.path("expires_at").asText()))
                .isEqualTo(clock.instant().plusSeconds(900));
        String path = "/v1/" + TARGET_PROJECT + "/secrets/pr-42-db";
        Map<String, String> headers = Map.of("X-Project-Id", TARGET_PROJECT, "X-Security-Token", token);

        assertRefused(
                execute(TestSigner.sign(
                        "DELETE",
                        emu.url() + path,
                        null,
                        ak,
                        sk,
                        clock.instant(),
                        Map.of("X-Project-Id", TARGET_PROJECT))),
                "security token");
        assertRefused(
                execute(TestSigner.sign(
                        "DELETE", emu.url() + path, null, ak, sk, clock.instant(), headers, "x-security-token")),
                "security token");
        assertRefused(
                execute(TestSigner.sign(
                        "DELETE",
                        emu.url() + path,
                        null,
                        ak,
                        sk,
                        clock.instant(),
                        Map.of("X-Project-Id", TARGET_PROJECT, "X-Security-Token", Vectors.changeOne(token, 10)))),
                "security token");
        // The temporary keys reach only the agency's account.
        assertThat(execute(TestSigner.sign(
                                "DELETE",
                                emu.url() + "/v1/" + PROJECT + "/secrets/pr-42-db",
                                null,
                                ak,
                                sk,
                                clock.instant(),
                                Map.of("X-Project-Id", PROJECT, "X-Security-Token", token)))
                        .status())
                .isEqualTo(403);
        assertThat(execute(TestSigner.sign("DELETE", emu.url() + path, null, ak, sk, clock.instant(), headers))
                        .status())
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(900));
        assertRefused(
                execute(TestSigner.sign("GET", emu.url() + path, null, ak, sk, clock.instant(), headers)), "expired");
    }

    @Test
    void anAgencyCanBeNamedByAccountId() throws IOException {
        String id = AccessKeyStore.domainId("target");
        assertThat(assumeRole(assumeRoleBody("csms-teardown", "domain_id", id, 3600), 201)
                        .at("/credential/access")
                        .asText())
                .startsWith("EMUTMP");
    }

    @Test
    void securityTokenRequestsAreChecked() throws IOException {
        assumeRole(assumeRoleBody("csms-teardown", "domain_name", "target", 899), 400);
        assumeRole(assumeRoleBody("csms-teardown", "domain_name", "target", 86_401), 400);
        assumeRole(assumeRoleBody("no-such-agency", "domain_name", "target", 900), 403);
        assumeRole(assumeRoleBody("csms-teardown", "domain_name", "acme", 900), 403);
        assumeRole("{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}", 400);

        Request other = TestSigner.sign(
                "POST",
                emu.url() + "/v3.0/OS-CREDENTIAL/securitytokens",
                assumeRoleBody("csms-teardown", "domain_name", "target", 900),
                "OTHERAK0000000000001",
                "other-secret-key",
                clock.instant(),
                Map.of());
        assertThat(execute(other).status())
                .as("account 'elsewhere' is not trusted")
                .isEqualTo(403);

        Request unsigned = new Request.Builder()
                .url(emu.url() + "/v3.0/OS-CREDENTIAL/securitytokens")
                .post(RequestBody.create(assumeRoleBody("csms-teardown", "domain_name", "target", 900), Http.JSON))
                .build();
        assertThat(execute(unsigned).status()).isEqualTo(401);

        Request badSignature = TestSigner.sign(
                "POST",
                emu.url() + "/v3.0/OS-CREDENTIAL/securitytokens",
                assumeRoleBody("csms-teardown", "domain_name", "target", 900),
                AK,
                "wrong-secret",
                clock.instant(),
                Map.of());
        assertRefused(execute(badSignature), "verify aksk signature fail");
    }

    @Test
    void mainOptionAddsAPairForTheDemoProject() throws Exception {
        try (CsmsEmulator main = EmulatorMain.start(
                new String[] {"--access-key", "DEMOAK00000000000001:demo-secret-key", "--secret", "demo-1"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String path = "/v1/" + CsmsEmulator.DEMO_PROJECT_ID + "/secrets/demo-1";
            Request good = TestSigner.sign(
                    "DELETE",
                    main.url() + path,
                    null,
                    "DEMOAK00000000000001",
                    "demo-secret-key",
                    Instant.now(),
                    Map.of());
            Request bad = TestSigner.sign(
                    "DELETE", main.url() + path, null, "DEMOAK00000000000001", "other", Instant.now(), Map.of());
            assertThat(execute(bad).status()).isEqualTo(401);
            assertThat(execute(good).status()).isEqualTo(200);
        }
    }
}
