package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.TOKEN_TEXT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The token and the IAM password never appear in a log record at any level, an exception message or cause chain,
 * a result, a {@code toString}, or a progress message, whatever the server answers.
 */
class TokenLeakTest {
    private static final String PASSWORD = "PASSWORD-MARKER-9f8e7d";

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
    void stop() {
        logs.close();
        server.close();
    }

    private CsmsClient client(TokenSource tokens) {
        return Fixtures.client(server, clock, new RecordingSleeper(clock))
                .tokenSource(tokens)
                .progress(outputs::add)
                .build();
    }

    private void assertNoSecretAnywhere() {
        String everything = logs.all() + "\n" + String.join("\n", outputs);
        assertThat(everything).doesNotContain(TOKEN_TEXT).doesNotContain(PASSWORD);
    }

    private void record(DeletionResult r) {
        outputs.add(r.toLogLine());
        outputs.add(r.toJson());
        outputs.add(r.toString());
        outputs.add(String.valueOf(r.toMap()));
    }

    private void record(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        outputs.add(trace.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            outputs.add(String.valueOf(t.getMessage()));
        }
    }

    @Test
    void noLeakAcrossEveryKindOfAnswer() throws Exception {
        server.enqueue(status(200));
        server.enqueue(Fixtures.error(401, "APIG.0301", "token " + "expired"));
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "https://elsewhere.example/")
                .build());
        // A hostile server echoing the token back must not get it into our output either.
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .body("{\"error_code\":\"CSMS.0002\",\"error_msg\":\"bad token " + "x" + "\"}")
                .build());
        CsmsClient client = client(TokenSource.fixed(Fixtures.TOKEN));

        for (int i = 0; i < 5; i++) {
            record(client.delete(PROJECT, NAME));
        }

        assertThat(logs.count()).as("the client and okhttp did log something").isGreaterThan(0);
        assertNoSecretAnywhere();
    }

    @Test
    void tokenToStringAndSourcesHideTheValue() {
        outputs.add(Fixtures.TOKEN.toString());
        outputs.add(TokenSource.fixed(Fixtures.TOKEN).toString());
        IamPasswordCredentials creds = new IamPasswordCredentials(
                Endpoint.of("https://iam.myhuaweicloud.com"), "acme", "alice", PASSWORD, PROJECT);
        outputs.add(creds.toString());
        outputs.add(new IamPasswordTokenSource(creds, new okhttp3.OkHttpClient()).toString());
        assertNoSecretAnywhere();
        assertThat(Fixtures.TOKEN.toString()).contains("redacted");
    }

    @Test
    void invalidTokenMessagesNeverHoldTheValue() {
        for (String bad : List.of(
                TOKEN_TEXT + "\r\nX-Injected: 1",
                TOKEN_TEXT.substring(0, 20),
                TOKEN_TEXT + " " + TOKEN_TEXT,
                TOKEN_TEXT + "\u00e9")) {
            try {
                Token.of(bad);
                outputs.add("accepted");
            } catch (InvalidInputException e) {
                record(e);
            }
        }
        assertThat(outputs).doesNotContain("accepted");
        assertNoSecretAnywhere();
        assertThat(String.join("\n", outputs)).doesNotContain(TOKEN_TEXT.substring(0, 20));
    }

    @Test
    void iamExchangeAndItsFailuresLeakNeitherPasswordNorToken() throws Exception {
        // IAM answers with the token, CSMS refuses it, IAM then refuses the password.
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", TOKEN_TEXT)
                .body("{\"token\":{\"expires_at\":\"2026-11-30T12:00:00.000000Z\"}}")
                .build());
        server.enqueue(Fixtures.error(401, "APIG.0301", "token expires"));
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\"}}")
                .build());
        IamPasswordCredentials creds =
                new IamPasswordCredentials(Fixtures.endpoint(server), "acme", "alice", PASSWORD, PROJECT);
        IamPasswordTokenSource tokens = new IamPasswordTokenSource(
                creds, CsmsClient.newHttpClient(Fixtures.fastSettings().build()), clock);

        DeletionResult r = client(tokens).delete(PROJECT, NAME);
        record(r);

        assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
        assertThat(r.reason()).contains("alice").contains("HTTP 401");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertNoSecretAnywhere();
    }
}
