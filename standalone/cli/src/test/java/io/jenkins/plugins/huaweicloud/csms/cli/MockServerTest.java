package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.client.SecretRedactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What exactly goes over the wire, seen by a MockWebServer. */
class MockServerTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "TOKEN-MARKER-" + "t".repeat(40);
    private static final String SUBJECT_TOKEN = "SUBJECT-TOKEN-MARKER-" + "s".repeat(40);
    private static final String PASSWORD = "PASSWORD-MARKER-mock";

    private final MockWebServer server = new MockWebServer();
    private final Cli cli = new Cli().secret(TOKEN).secret(SUBJECT_TOKEN).secret(PASSWORD);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        cli.assertNoSecretLeaked();
    }

    private String url() {
        return server.url("/").toString();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    @Test
    void theTokenFromAFileIsSentTrimmedOnAWellFormedRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("X-Request-Id", "req-1")
                .build());

        Cli.Result r = cli.run(
                "delete", "--endpoint", url(), "--project", PROJECT, "--name", "pr-1", "--token-file", file.toString());

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("SUCCESS\tpr-1\t200\t-\treq-1\tDELETED\t1" + System.lineSeparator());
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("DELETE");
        assertThat(req.getTarget()).isEqualTo("/v1/" + PROJECT + "/secrets/pr-1");
        assertThat(req.getHeaders().get("X-Auth-Token")).isEqualTo(TOKEN);
    }

    @Test
    void oneIamExchangeThenEveryDeletionCarriesTheSubjectToken() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", SUBJECT_TOKEN)
                .body("{\"token\":{\"expires_at\":\"2099-01-01T00:00:00.000000Z\"}}")
                .build());
        server.enqueue(status(200));
        server.enqueue(status(200));
        server.enqueue(status(200));
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(
                "delete",
                "--endpoint",
                url(),
                "--iam-endpoint",
                url(),
                "--iam-domain",
                "acme",
                "--iam-user",
                "bot",
                "--project",
                PROJECT,
                "--name",
                "a",
                "--name",
                "b",
                "--name",
                "c");

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(server.getRequestCount()).isEqualTo(4);
        RecordedRequest iam = server.takeRequest();
        assertThat(iam.getMethod()).isEqualTo("POST");
        assertThat(iam.getTarget()).isEqualTo("/v3/auth/tokens?nocatalog=true");
        assertThat(iam.getBody().utf8())
                .contains("\"password\":\"" + PASSWORD + "\"")
                .contains("\"domain\":{\"name\":\"acme\"}")
                .contains("\"project\":{\"id\":\"" + PROJECT + "\"}");
        java.util.Set<String> deleted = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest del = server.takeRequest();
            assertThat(del.getMethod()).isEqualTo("DELETE");
            assertThat(del.getHeaders().get("X-Auth-Token")).isEqualTo(SUBJECT_TOKEN);
            deleted.add(del.getUrl().pathSegments().get(3));
        }
        // Four at a time by default: the three deletions may arrive in any order, each exactly once.
        assertThat(deleted).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aRedirectIsNotFollowedAndFails() {
        server.enqueue(new MockResponse.Builder()
                .code(307)
                .addHeader("Location", "https://elsewhere.example/v1/x")
                .build());
        cli.env("CSMS_TOKEN", TOKEN);

        Cli.Result r = cli.run("delete", "--endpoint", url(), "--project", PROJECT, "--name", "pr-1");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAILURE\tpr-1\t307\t-\t-\tREDIRECT\t1");
        assertThat(r.err()).contains("unexpected redirect").contains("elsewhere.example");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anHtmlErrorPageAfterTheLastAttemptIsUnstable() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html><body>Bad gateway</body></html>")
                .build());
        cli.env("CSMS_TOKEN", TOKEN);

        Cli.Result r =
                cli.run("delete", "--endpoint", url(), "--project", PROJECT, "--name", "pr-1", "--attempts", "1");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("UNSTABLE\tpr-1\t502\t-\t-\tSERVER_ERROR\t1");
        assertThat(r.err()).contains("server error (HTTP 502 from");
    }

    @Test
    void theTimeoutBoundsOneAttempt() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(10, TimeUnit.SECONDS)
                .build());
        cli.env("CSMS_TOKEN", TOKEN);
        long start = System.nanoTime();

        Cli.Result r = cli.run(
                "delete",
                "--endpoint",
                url(),
                "--project",
                PROJECT,
                "--name",
                "pr-1",
                "--timeout",
                "1",
                "--attempts",
                "1");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8_000);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("UNSTABLE\tpr-1\t-\t-\t-\tNETWORK_ERROR\t1");
    }

    @Test
    void aServerEchoingTheSecretKeyAndSecurityTokenNeverGetsThemIntoTheOutput() throws Exception {
        String sk = "SK-MARKER-echoed-0123456789abcdef";
        String securityToken = "SECURITY-TOKEN-MARKER-" + "z".repeat(60);
        cli.secret(sk).secret(securityToken).secret(securityToken.substring(0, 24));
        cli.env("HUAWEICLOUD_SDK_AK", "HPUAEXAMPLEAK0000001")
                .env("HUAWEICLOUD_SDK_SK", sk)
                .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", securityToken);
        String echo = "{\"error_code\":\"CSMS.0002\",\"error_msg\":\"bad request: sk " + sk + " token " + securityToken
                + " start " + securityToken.substring(0, 30) + "\"}";
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(400).body(echo).build());
        }
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"verify aksk signature fail " + securityToken
                        + "\"}")
                .build());

        Cli.Result text = cli.run("delete", "--endpoint", url(), "--project", PROJECT, "--name", "pr-1");
        Cli.Result json = cli.run("delete", "--endpoint", url(), "--project", PROJECT, "--name", "pr-1", "--json");
        Cli.Result refused = cli.run("delete", "--endpoint", url(), "--project", PROJECT, "--name", "pr-1");

        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.err()).contains("bad request: sk " + SecretRedactor.MARKER + " token " + SecretRedactor.MARKER);
        assertThat(json.out()).contains("bad request: sk " + SecretRedactor.MARKER + " token " + SecretRedactor.MARKER);
        assertThat(refused.out()).contains("UNAUTHORIZED");
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeaders().get("X-Security-Token")).isEqualTo(securityToken);
        assertThat(sent.getHeaders().get("Authorization")).startsWith("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001");
    }
}
