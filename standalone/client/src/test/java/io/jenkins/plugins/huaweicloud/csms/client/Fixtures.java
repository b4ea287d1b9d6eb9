package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.util.SplittableRandom;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared values and builders for the HTTP tests. */
final class Fixtures {
    static final ProjectId PROJECT = ProjectId.of("0123456789abcdef0123456789abcdef");
    static final SecretName NAME = SecretName.of("pr-42-db");
    /** A token with a marker that tests search for in every output. */
    static final String TOKEN_TEXT = "MIIE-SECRET-TOKEN-MARKER-" + "q".repeat(40);

    static final Token TOKEN = Token.of(TOKEN_TEXT);

    private Fixtures() {}

    static String path(ProjectId project, SecretName name) {
        return "/v1/" + project.value() + "/secrets/" + name.value();
    }

    static Endpoint endpoint(MockWebServer server) {
        return Endpoint.of(server.url("/").toString());
    }

    /** A client with a fake clock and sleeper, small real timeouts, and a seeded random. */
    static CsmsClient.Builder client(MockWebServer server, FakeClock clock, RecordingSleeper sleeper) {
        return CsmsClient.builder()
                .endpoint(endpoint(server))
                .tokenSource(TokenSource.fixed(TOKEN))
                .settings(fastSettings().build())
                .clock(clock)
                .sleeper(sleeper)
                .random(new SplittableRandom(42));
    }

    static ClientSettings.Builder fastSettings() {
        return ClientSettings.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10));
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse error(int code, String errorCode, String message) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", "req-" + code)
                .body("{\"error_code\":\"" + errorCode + "\",\"error_msg\":\"" + message + "\"}")
                .build();
    }
}
