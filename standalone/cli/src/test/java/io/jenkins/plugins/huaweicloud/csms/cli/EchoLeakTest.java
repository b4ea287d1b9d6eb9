package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that echo a secret back: the whole token, a 32-character prefix, the token in a header, in an HTML page,
 * in a listing; IAM echoing the password. Neither the secret nor any 24-character piece of it may reach stdout or
 * stderr, in text mode or with {@code --json}.
 */
class EchoLeakTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    /** Not repetitive, so that every 24-character piece of it is a distinct string to search for. */
    private static final String TOKEN = "MIIEcQYJKoZIhvcNAQcCoIIEYjCCBF4CAQExDTALBglghkgBZQMEAgEwggLP-Zr9Qm";

    private static final String SUBJECT_TOKEN = "MIIFvgYJKoZIhvcNAQcCoIIFrzCCBasCAQExDTALBglghkgBZQMEAgEwggO0-Xk2Lp";
    private static final String PASSWORD = "Pw-echoed-by-IAM-7f3a9c2e41d8b605";

    private final MockWebServer server = new MockWebServer();
    private final Cli cli = new Cli().secret(TOKEN).secret(SUBJECT_TOKEN).secret(PASSWORD);

    @BeforeEach
    void start() throws Exception {
        server.start();
        cli.env("CSMS_TOKEN", TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
        cli.assertNoSecretLeaked();
        for (Cli.Result r : cli.results) {
            for (String secret : List.of(TOKEN, SUBJECT_TOKEN, PASSWORD)) {
                assertNoPieceOf(secret, r.all());
            }
        }
    }

    /** Fails when any 24 consecutive characters of the secret appear in the text. */
    static void assertNoPieceOf(String secret, String text) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 24 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 24);
            if (text.contains(piece)) {
                found.add(piece);
            }
        }
        assertThat(found).as("pieces of a secret in the output:%n%s", text).isEmpty();
    }

    private String[] delete(String... more) {
        List<String> args = new ArrayList<>(
                List.of("delete", "--endpoint", server.url("/").toString(), "--project", PROJECT, "--attempts", "1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static MockResponse csmsError(int status, String code, String message) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body("{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}")
                .build();
    }

    @Test
    void theWholeTokenEchoedInAnErrorMessageIsRedactedOnStderr() {
        server.enqueue(csmsError(400, "CSMS.0002", "Invalid X-Auth-Token: " + TOKEN));

        Cli.Result r = cli.run(delete("--name", "pr-1"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Invalid X-Auth-Token: [redacted]").contains("CSMS.0002");
    }

    @Test
    void theWholeTokenEchoedInAnErrorMessageIsRedactedInJson() {
        server.enqueue(csmsError(400, "CSMS.0002", "Invalid X-Auth-Token: " + TOKEN));

        Cli.Result r = cli.run(delete("--name", "pr-1", "--json"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"errorMessage\":\"Invalid X-Auth-Token: [redacted]\"");
    }

    @Test
    void aThirtyTwoCharacterPrefixIsRedacted() {
        server.enqueue(csmsError(401, "APIG.0301", "token " + TOKEN.substring(0, 32) + "... expired"));

        Cli.Result r = cli.run(delete("--name", "pr-1", "--json"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("token [redacted]... expired");
    }

    @Test
    void theTokenInARequestIdHeaderIsDropped() {
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("X-Request-Id", TOKEN)
                .body("{\"error_code\":\"CSMS.0403\",\"error_msg\":\"denied\"}")
                .build());

        Cli.Result text = cli.run(delete("--name", "pr-1"));
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("X-Request-Id", "req-" + TOKEN.substring(5, 40))
                .build());
        Cli.Result json = cli.run(delete("--name", "pr-1", "--json"));

        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).startsWith("FAILURE\tpr-1\t403\tCSMS.0403\t");
        assertThat(json.exit()).isEqualTo(1);
    }

    @Test
    void theTokenInAnHtmlErrorPageIsRedacted() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502</h1><pre>X-Auth-Token: " + TOKEN + "</pre>\"error_msg\":\"echo " + TOKEN
                        + "\"</body></html>")
                .build());

        Cli.Result r = cli.run(delete("--name", "pr-1"));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("[redacted]");
    }

    @Test
    void listedNamesHoldingAPieceOfTheTokenAreNeitherPrintedNorDeleted() throws Exception {
        String echoed = "pr-" + TOKEN.substring(20, 50).replaceAll("[^A-Za-z0-9_-]", "x");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"secrets\":[{\"name\":\"pr-1\"},{\"name\":\"" + echoed + "\"}],\"page_info\":{}}")
                .build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        Cli.Result r = cli.run(delete("--prefix", "pr-", "--dry-run"));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("DRY-RUN\tpr-1" + System.lineSeparator());
        assertNoPieceOf(echoed, r.all());
    }

    @Test
    void thePasswordEchoedByIamIsRedacted() {
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"error\":{\"code\":401,\"message\":\"The password " + PASSWORD + " is wrong for "
                        + PASSWORD.substring(0, 24) + "\",\"title\":\"Unauthorized\"}}")
                .build());
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(delete(
                "--iam-endpoint",
                server.url("/").toString(),
                "--iam-domain",
                "acme",
                "--iam-user",
                "bot",
                "--name",
                "pr-1",
                "--json"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.all()).contains("The password [redacted] is wrong for [redacted]");
    }

    @Test
    void aMintedTokenEchoedByCsmsIsRedacted() {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", SUBJECT_TOKEN)
                .body("{\"token\":{\"expires_at\":\"2099-01-01T00:00:00.000000Z\"}}")
                .build());
        server.enqueue(csmsError(400, "CSMS.0002", "Invalid X-Auth-Token: " + SUBJECT_TOKEN));
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(delete(
                "--iam-endpoint",
                server.url("/").toString(),
                "--iam-domain",
                "acme",
                "--iam-user",
                "bot",
                "--name",
                "pr-1"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Invalid X-Auth-Token: [redacted]");
    }
}
