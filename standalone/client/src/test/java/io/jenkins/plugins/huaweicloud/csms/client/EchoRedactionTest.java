package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that echo a secret back (the whole token, a prefix, in a header, in HTML, in a listing; IAM echoing the
 * password; CSMS echoing a minted token): the engine's results, exceptions, progress messages and log records at
 * every level hold neither the secret nor any 24-character piece of it.
 */
class EchoRedactionTest {
    static final String TOKEN_TEXT = "MIIEcQYJKoZIhvcNAQcCoIIEYjCCBF4CAQExDTALBglghkgBZQMEAgEwggLP-Zr9Qm";
    static final String MINTED = "MIIFvgYJKoZIhvcNAQcCoIIFrzCCBasCAQExDTALBglghkgBZQMEAgEwggO0-Xk2Lp";
    static final String PASSWORD = "Pw-echoed-by-IAM-7f3a9c2e41d8b605";
    private static final String M = SecretRedactor.MARKER;

    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final List<String> outputs = new ArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.start();
        logs = new LogCapture();
    }

    @AfterEach
    void noPieceOfAnySecretAnywhere() {
        logs.close();
        server.close();
        String everything = logs.all() + "\n" + String.join("\n", outputs);
        for (String secret : List.of(TOKEN_TEXT, MINTED, PASSWORD)) {
            for (int i = 0; i + SecretRedactor.MIN_PIECE <= secret.length(); i++) {
                assertThat(everything).doesNotContain(secret.substring(i, i + SecretRedactor.MIN_PIECE));
            }
        }
    }

    private CsmsClient client(TokenSource tokens) {
        return Fixtures.client(server, clock, new RecordingSleeper(clock))
                .tokenSource(tokens)
                .progress(outputs::add)
                .build();
    }

    private CsmsClient client() {
        return client(TokenSource.fixed(Token.of(TOKEN_TEXT)));
    }

    private DeletionResult delete(CsmsClient client) throws InterruptedException {
        DeletionResult r = client.delete(PROJECT, NAME);
        outputs.add(r.toLogLine());
        outputs.add(r.toJson());
        outputs.add(String.valueOf(r.toMap()));
        return r;
    }

    private void record(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        outputs.add(trace.toString());
    }

    private static MockResponse csmsError(int status, String code, String message) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body("{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}")
                .build();
    }

    @Test
    void theWholeTokenInAnErrorMessage() throws Exception {
        server.enqueue(csmsError(400, "CSMS.0002", "Invalid X-Auth-Token: " + TOKEN_TEXT));

        DeletionResult r = delete(client());

        assertThat(r.kind()).isEqualTo(ResultKind.REJECTED);
        assertThat(r.errorCode()).isEqualTo("CSMS.0002");
        assertThat(r.errorMessage()).isEqualTo("Invalid X-Auth-Token: " + M);
    }

    @Test
    void aPrefixOfThirtyTwoCharactersAJsonEscapedCopyAndAnErrorCodeMadeOfTheToken() throws Exception {
        String escaped = TOKEN_TEXT.replace("/", "\\/").replace("C", "\\u0043");
        server.enqueue(
                csmsError(401, TOKEN_TEXT.substring(2, 40), "token " + TOKEN_TEXT.substring(0, 32) + " / " + escaped));

        DeletionResult r = delete(client());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo(M);
        assertThat(r.errorMessage()).isEqualTo("token " + M + " / " + M);
    }

    @Test
    void theTokenInRequestIdAndLocationHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("X-Request-Id", TOKEN_TEXT.substring(0, 60))
                .addHeader(
                        "Location",
                        "https://" + TOKEN_TEXT.substring(4, 40).replaceAll("[^A-Za-z0-9]", "") + ".example/")
                .build());

        DeletionResult r = delete(client());

        assertThat(r.kind()).isEqualTo(ResultKind.REDIRECT);
        assertThat(r.requestId()).isNull();
    }

    @Test
    void theTokenInAnHtmlPageAndInRetryProgress() throws Exception {
        MockResponse html = new MockResponse.Builder()
                .code(503)
                .addHeader("Content-Type", "text/html")
                .body("<html><pre>X-Auth-Token: " + TOKEN_TEXT + "</pre>\"error_msg\":\"echo " + TOKEN_TEXT
                        + "\"</html>")
                .build();
        server.enqueue(html);
        server.enqueue(html);
        server.enqueue(html);

        DeletionResult r = delete(client());

        assertThat(r.kind()).isEqualTo(ResultKind.SERVER_ERROR);
        assertThat(r.attempts()).isEqualTo(3);
        // Not JSON: the message is the page's plain excerpt (as the SDK reads it), with both echoes redacted.
        assertThat(r.errorMessage()).contains("X-Auth-Token: " + M).contains("echo " + M);
        assertThat(outputs).anyMatch(line -> line.startsWith("retrying pr-42-db"));
    }

    @Test
    void aListingFailureAndListedNamesThatHoldAPieceOfTheToken() throws Exception {
        String echoed = "pr-" + TOKEN_TEXT.substring(20, 50).replaceAll("[^A-Za-z0-9_-]", "x");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"secrets\":[{\"name\":\"pr-1\"},{\"name\":\"" + echoed + "\"}],\"page_info\":{}}")
                .build());
        server.enqueue(csmsError(403, "CSMS.0403", "token " + TOKEN_TEXT + " may not list"));
        CsmsClient client = client();

        PrefixTeardown.Plan plan = PrefixTeardown.plan(client, PROJECT, "pr-", 10);
        outputs.add(plan.toString());
        assertThatThrownBy(() -> PrefixTeardown.plan(client, PROJECT, "pr-", 10))
                .isInstanceOfSatisfying(ListingException.class, e -> {
                    record(e);
                    assertThat(e.getMessage()).contains("\"token " + M + " may not list\"");
                });

        assertThat(plan.names()).containsExactly(SecretName.of("pr-1"));
        assertThat(plan.skippedInvalid()).isEqualTo(1);
    }

    @Test
    void thePasswordEchoedByIamAndAMintedTokenEchoedByCsms() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", MINTED)
                .body("{\"token\":{\"expires_at\":\"2026-11-30T12:00:00.000000Z\"}}")
                .build());
        server.enqueue(csmsError(401, "APIG.0301", "Invalid X-Auth-Token: " + MINTED));
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .addHeader("X-Request-Id", PASSWORD)
                .body("{\"error\":{\"code\":401,\"message\":\"The password " + PASSWORD + " is wrong\"}}")
                .build());
        IamPasswordCredentials creds =
                new IamPasswordCredentials(Fixtures.endpoint(server), "acme", "alice", PASSWORD, PROJECT);
        IamPasswordTokenSource tokens = new IamPasswordTokenSource(
                creds, CsmsClient.newHttpClient(Fixtures.fastSettings().build()), clock);
        CsmsClient client = client(tokens);

        DeletionResult r = delete(client);

        assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
        assertThat(r.reason())
                .contains("HTTP 401 (The password " + M + " is wrong)")
                .doesNotContain("request id");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(client.redactor().reveals(MINTED)).isTrue();
        assertThat(client.redactor().reveals(PASSWORD)).isTrue();
    }

    @Test
    void aSecretRegisteredByTheFrontEndIsRedactedToo() throws Exception {
        SecretRedactor run = new SecretRedactor();
        run.register(PASSWORD);
        server.enqueue(csmsError(400, "CSMS.0002", "echo " + PASSWORD));
        CsmsClient client = Fixtures.client(server, clock, new RecordingSleeper(clock))
                .tokenSource(TokenSource.fixed(Token.of(TOKEN_TEXT)))
                .redactor(run)
                .build();

        DeletionResult r = delete(client);

        assertThat(r.errorMessage()).isEqualTo("echo " + M);
        assertThat(run.reveals(TOKEN_TEXT))
                .as("the token source registered its token")
                .isTrue();
    }

    @Test
    void aProbeWhoseAnswerEchoesTheTokenAsItsRequestId() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("X-Request-Id", TOKEN_TEXT.substring(0, 40))
                .body("{\"secrets\":[],\"page_info\":{}}")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("X-Request-Id", TOKEN_TEXT.substring(0, 40))
                .body("{\"error_code\":\"" + TOKEN_TEXT.substring(3, 30) + "\",\"error_msg\":\"" + TOKEN_TEXT + "\"}")
                .build());
        CsmsClient client = client();

        ProbeResult ok = client.probe(PROJECT);
        ProbeResult refused = client.probe(PROJECT);
        outputs.add(ok.toString());
        outputs.add(refused.toString());

        assertThat(ok.ok()).isTrue();
        assertThat(ok.requestId()).isNull();
        assertThat(refused.ok()).isFalse();
        assertThat(refused.errorCode()).isEqualTo(M);
        assertThat(refused.message()).contains(M);
    }
}
