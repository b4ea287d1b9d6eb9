package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM and CSMS echoing every secret a connection test holds or obtains (the stored token, the password, the secret
 * key, a minted token, an agency's temporary keys) in bodies, error codes and request ids: the test's message holds
 * neither a secret nor any piece of {@value SecretRedactor#MIN_PIECE} characters of one, and neither does the log.
 */
class ConnectionCheckEchoTest {
    private static final String TOKEN = "MIIEcQYJKoZIhvcNAQcCoIIEYjCCBF4CAQExDTALBglghkgBZQMEAgEwggLP-Zr9Qm";
    private static final String MINTED = "MIIFvgYJKoZIhvcNAQcCoIIFrzCCBasCAQExDTALBglghkgBZQMEAgEwggO0-Xk2Lp";
    private static final String PASSWORD = "Pw-echoed-by-IAM-7f3a9c2e41d8b605";
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "echoedSecretKey0123456789abcdefghijklmnopq";
    private static final String TEMP_SK = "echoedTemporarySecretKey0123456789abcdefgh";
    private static final String TEMP_TOKEN = "echoed-security-token-" + "s".repeat(60);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final List<String> shown = new ArrayList<>();
    private ConnectionCheck check;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.start();
        logs = new LogCapture();
        check = new ConnectionCheck(new OkHttpClient(), new FakeClock(NOW));
    }

    @AfterEach
    void noPieceOfAnySecretAnywhere() {
        logs.close();
        server.close();
        String everything = logs.all() + "\n" + String.join("\n", shown);
        for (String secret : List.of(TOKEN, MINTED, PASSWORD, SK, TEMP_SK, TEMP_TOKEN)) {
            for (int i = 0; i + SecretRedactor.MIN_PIECE <= secret.length(); i++) {
                assertThat(everything).doesNotContain(secret.substring(i, i + SecretRedactor.MIN_PIECE));
            }
        }
    }

    private ConnectionCheck.Result run(CloudCredential credential, String agencyName, String agencyDomain)
            throws InterruptedException {
        String url = server.url("/").toString();
        ConnectionCheck.Form form =
                new ConnectionCheck.Form("echo", null, url, url, "acme", agencyName, agencyDomain, PROJECT.value());
        ConnectionCheck.Result result = check.run(form, (id, endpoint) -> credential);
        shown.add(result.message());
        return result;
    }

    /** An answer echoing {@code secret} in its error code and message, and a piece of it as the request id. */
    private static MockResponse echo(int status, String secret) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", secret.substring(0, 30).replaceAll("[^A-Za-z0-9]", "x"))
                .body("{\"error_code\":\"" + secret + "\",\"error_msg\":\"you sent " + secret + "\","
                        + "\"error\":{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"password " + secret
                        + " is wrong\"}}")
                .build();
    }

    @Test
    void csmsEchoingTheStoredToken() throws Exception {
        server.enqueue(echo(401, TOKEN));

        ConnectionCheck.Result result = run(CloudCredential.iamToken(TOKEN), null, null);

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .startsWith("Failed for credentials \"echo\": ")
                .contains("HTTP 401");
    }

    @Test
    void iamEchoingThePassword() throws Exception {
        server.enqueue(echo(401, PASSWORD));

        ConnectionCheck.Result result = run(CloudCredential.iamUser("ci", PASSWORD), null, null);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("refused the password exchange").contains(SecretRedactor.MARKER);
    }

    @Test
    void csmsEchoingTheMintedTokenAndThePassword() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", MINTED)
                .addHeader("Content-Type", "application/json")
                .body("{\"token\":{\"expires_at\":\"" + NOW.plusSeconds(86_400) + "\"}}")
                .build());
        server.enqueue(echo(403, MINTED + " " + PASSWORD));

        ConnectionCheck.Result result = run(CloudCredential.iamUser("ci", PASSWORD), null, null);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("HTTP 403").contains(SecretRedactor.MARKER);
    }

    @Test
    void iamEchoingTheSecretKeyWhenRefusingAnAgency() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", SK)
                .body("{\"error\":{\"code\":\"" + SK + "\",\"message\":\"sk " + SK + "\"}}")
                .build());

        ConnectionCheck.Result result = run(CloudCredential.accessKey(AK, SK), "csms-teardown", "target");

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("refused temporary keys").contains("HTTP 403");
    }

    @Test
    void csmsEchoingTheAgencysTemporaryKeys() throws Exception {
        MockResponse issued = new MockResponse.Builder()
                .code(201)
                .addHeader("Content-Type", "application/json")
                .body("{\"credential\":{\"access\":\"TEMPAK1\",\"secret\":\"" + TEMP_SK + "\",\"securitytoken\":\""
                        + TEMP_TOKEN + "\",\"expires_at\":\"" + NOW.plusSeconds(3600) + "\"}}")
                .build();
        // A 401 to temporary keys gets one fresh pair: CSMS refuses (and echoes) both.
        server.enqueue(issued);
        server.enqueue(echo(401, TEMP_TOKEN + " " + TEMP_SK + " " + SK));
        server.enqueue(issued);
        server.enqueue(echo(401, TEMP_TOKEN + " " + TEMP_SK + " " + SK));

        ConnectionCheck.Result result = run(CloudCredential.accessKey(AK, SK), "csms-teardown", "target");

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("HTTP 401").contains(SecretRedactor.MARKER);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }
}
