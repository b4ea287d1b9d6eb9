package io.jenkins.plugins.huaweicloud.csms.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IamTest {
    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String OTHER = "fedcba9876543210fedcba9876543210";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T15:06:31Z"));
    private CsmsEmulator emu;
    private Http http;

    @BeforeEach
    void start() {
        emu = CsmsEmulator.builder()
                .user("my-account", "alice", "s3cret-password", PROJECT)
                .clock(clock)
                .start();
        http = new Http(emu.url(), null);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    static String login(String domain, String user, String password, String project) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"password\":\"" + password + "\",\"domain\":{\"name\":\"" + domain + "\"}}}},"
                + "\"scope\":{\"project\":{\"id\":\"" + project + "\"}}}}";
    }

    @Test
    void passwordLoginAnswers201WithTokenHeaderAndIamTimestamps() throws IOException {
        Http.Result r =
                http.post("/v3/auth/tokens?nocatalog=true", login("my-account", "alice", "s3cret-password", PROJECT));

        assertThat(r.status()).isEqualTo(201);
        String token = r.header("X-Subject-Token");
        assertThat(token).startsWith("MII").hasSizeGreaterThanOrEqualTo(64).matches("[\\x21-\\x7e]+");
        assertThat(r.json().at("/token/expires_at").asText()).isEqualTo("2026-11-30T15:06:31.000000Z");
        assertThat(r.json().at("/token/issued_at").asText()).isEqualTo("2026-11-29T15:06:31.000000Z");
        assertThat(r.json().at("/token/project/id").asText()).isEqualTo(PROJECT);
        assertThat(r.body()).doesNotContain(token);
    }

    @Test
    void issuedTokenWorksOnCsmsForItsProject() throws IOException {
        String token = http.post("/v3/auth/tokens", login("my-account", "alice", "s3cret-password", PROJECT))
                .header("X-Subject-Token");

        assertThat(new Http(emu.url(), token).get("/v1/" + PROJECT + "/secrets").status())
                .isEqualTo(200);
    }

    @Test
    void expiresAtHasMicrosecondsEvenWhenTheClockHasMillis() throws IOException {
        clock.advance(Duration.ofMillis(123));

        Http.Result r = http.post("/v3/auth/tokens", login("my-account", "alice", "s3cret-password", PROJECT));

        assertThat(r.json().at("/token/expires_at").asText()).isEqualTo("2026-11-30T15:06:31.123000Z");
    }

    @Test
    void wrongPasswordIs401InIamStyle() throws IOException {
        Http.Result r = http.post("/v3/auth/tokens", login("my-account", "alice", "wrong", PROJECT));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("X-Subject-Token")).isNull();
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(401);
        assertThat(r.json().at("/error/message").asText()).isEqualTo("The username or password is wrong.");
        assertThat(r.json().at("/error/title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void unknownUserAndWrongAccountAre401() throws IOException {
        assertThat(http.post("/v3/auth/tokens", login("my-account", "bob", "s3cret-password", PROJECT))
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/v3/auth/tokens", login("other-account", "alice", "s3cret-password", PROJECT))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void projectTheUserMayNotUseIs401() throws IOException {
        Http.Result r = http.post("/v3/auth/tokens", login("my-account", "alice", "s3cret-password", OTHER));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("X-Subject-Token")).isNull();
    }

    @Test
    void malformedBodiesAre400() throws IOException {
        assertThat(http.post("/v3/auth/tokens", "not json").status()).isEqualTo(400);
        assertThat(http.post("/v3/auth/tokens", "{}").status()).isEqualTo(400);
        assertThat(http.post("/v3/auth/tokens", "{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}")
                        .status())
                .isEqualTo(400);
        String noScope = login("my-account", "alice", "s3cret-password", PROJECT)
                .replace(",\"scope\":{\"project\":{\"id\":\"" + PROJECT + "\"}}", "");
        assertThat(http.post("/v3/auth/tokens", noScope).status()).isEqualTo(400);
    }

    @Test
    void tokensAreScopedToTheirProject() throws IOException {
        String token = http.post("/v3/auth/tokens", login("my-account", "alice", "s3cret-password", PROJECT))
                .header("X-Subject-Token");

        Http.Result r = new Http(emu.url(), token).get("/v1/" + OTHER + "/secrets");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.FORBIDDEN);
    }

    @Test
    void aUserMayBeAllowedSeveralProjects() throws IOException {
        emu.addUser("my-account", "alice", "s3cret-password", OTHER);

        assertThat(http.post("/v3/auth/tokens", login("my-account", "alice", "s3cret-password", OTHER))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void everyTokenIsDifferent() {
        assertThat(emu.issueToken(PROJECT)).isNotEqualTo(emu.issueToken(PROJECT));
    }
}
