package io.jenkins.plugins.huaweicloud.csms.emulator;

import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.OTHER;
import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsApiTest {
    private static final String SECRETS = "/v1/" + PROJECT + "/secrets";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CsmsEmulator emu;
    private Http http;

    @BeforeEach
    void start() {
        emu = CsmsEmulator.builder().clock(clock).start();
        http = new Http(emu.url(), emu.issueToken(PROJECT));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void createThenShow() throws IOException {
        Http.Result created = http.post(SECRETS, "{\"name\":\"pr-42-db\",\"secret_string\":\"value\"}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/secret/name").asText()).isEqualTo("pr-42-db");
        assertThat(created.json().at("/secret/state").asText()).isEqualTo("ENABLED");
        assertThat(created.json().at("/secret/create_time").asLong())
                .isEqualTo(clock.instant().toEpochMilli());
        assertThat(created.body()).doesNotContain("\"value\"");

        Http.Result shown = http.get(SECRETS + "/pr-42-db");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().at("/secret/name").asText()).isEqualTo("pr-42-db");
        assertThat(emu.secretNames(PROJECT)).containsExactly("pr-42-db");
    }

    @Test
    void createExistingNameIs400() throws IOException {
        emu.createSecret(PROJECT, "dup", "v");

        Http.Result r = http.post(SECRETS, "{\"name\":\"dup\",\"secret_string\":\"v2\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.ALREADY_EXISTS);
        assertThat(r.json().get("error_msg").asText()).isNotBlank();
    }

    @Test
    void createWithBadBodyIs400() throws IOException {
        assertThat(http.post(SECRETS, "nope").json().get("error_code").asText()).isEqualTo(ErrorCodes.INVALID_BODY);
        assertThat(http.post(SECRETS, "{\"name\":\"a b\",\"secret_string\":\"v\"}")
                        .json()
                        .get("error_code")
                        .asText())
                .isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(http.post(SECRETS, "{\"name\":\"ok\"}").status()).isEqualTo(400);
        assertThat(emu.secretNames(PROJECT)).isEmpty();
    }

    @Test
    void deleteIs200WithEmptyBodyThen404() throws IOException {
        emu.createSecret(PROJECT, "pr-42-db", "value");

        Http.Result deleted = http.delete(SECRETS + "/pr-42-db");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(emu.hasSecret(PROJECT, "pr-42-db")).isFalse();

        Http.Result again = http.delete(SECRETS + "/pr-42-db");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error_code").asText()).isEqualTo("CSMS.0005");
        assertThat(again.json().get("error_msg").asText()).isNotBlank();
        assertThat(http.get(SECRETS + "/pr-42-db").status()).isEqualTo(404);
    }

    @Test
    void namesWithPeriodsAreCreatedShownAndDeleted() throws IOException {
        Http.Result created = http.post(SECRETS, "{\"name\":\"app.db-password\",\"secret_string\":\"v\"}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(http.get(SECRETS + "/app.db-password")
                        .json()
                        .at("/secret/name")
                        .asText())
                .isEqualTo("app.db-password");
        assertThat(http.delete(SECRETS + "/app.db-password").status()).isEqualTo(200);
        assertThat(emu.secretNames(PROJECT)).isEmpty();
        assertThat(http.post(SECRETS, "{\"name\":\"..\",\"secret_string\":\"v\"}")
                        .json()
                        .get("error_code")
                        .asText())
                .isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThatThrownBy(() -> emu.createSecret(PROJECT, "...", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "...",
                "a%2Fb",
                "a%2E",
                "a%20b",
                "x%00",
                "é",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void invalidNameIs400(String rawName) throws IOException {
        Http.Result r = http.delete(SECRETS + "/" + rawName);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo("CSMS.0002");
    }

    @Test
    void listPagesByNameWithMarker() throws IOException {
        for (String n : List.of("e", "c", "a", "d", "b")) {
            emu.createSecret(PROJECT, n, "v");
        }

        JsonNode first = http.get(SECRETS + "?limit=2").json();
        assertThat(names(first)).containsExactly("a", "b");
        assertThat(first.at("/page_info/current_count").asInt()).isEqualTo(2);
        assertThat(first.at("/page_info/next_marker").asText()).isEqualTo("b");
        assertThat(first.get("page_info").has("previous_marker")).isTrue();
        assertThat(first.at("/page_info/previous_marker").isNull()).isTrue();

        JsonNode second = http.get(SECRETS + "?limit=2&marker=b").json();
        assertThat(names(second)).containsExactly("c", "d");
        assertThat(second.at("/page_info/previous_marker").asText()).isEqualTo("b");

        JsonNode last = http.get(SECRETS + "?limit=2&marker=d").json();
        assertThat(names(last)).containsExactly("e");
        assertThat(last.at("/page_info/current_count").asInt()).isEqualTo(1);
        assertThat(last.at("/page_info/next_marker").isNull()).isTrue();
    }

    @Test
    void listDefaultsToFiftyAndEndsWithNullMarkerOnExactFit() throws IOException {
        for (int i = 0; i < 60; i++) {
            emu.createSecret(PROJECT, String.format("s%02d", i), "v");
        }

        JsonNode page = http.get(SECRETS).json();
        assertThat(page.at("/page_info/current_count").asInt()).isEqualTo(50);
        assertThat(page.at("/page_info/next_marker").asText()).isEqualTo("s49");

        JsonNode exact = http.get(SECRETS + "?limit=10&marker=s49").json();
        assertThat(exact.at("/page_info/current_count").asInt()).isEqualTo(10);
        assertThat(exact.at("/page_info/next_marker").isNull()).isTrue();
    }

    @Test
    void listOfEmptyProject() throws IOException {
        JsonNode page = http.get(SECRETS).json();

        assertThat(page.get("secrets")).isEmpty();
        assertThat(page.at("/page_info/current_count").asInt()).isZero();
        assertThat(page.at("/page_info/next_marker").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "x"})
    void listWithBadLimitIs400(String limit) throws IOException {
        Http.Result r = http.get(SECRETS + "?limit=" + limit);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo("CSMS.0002");
    }

    @Test
    void listAcceptsTheMaximumLimitOfAThousand() throws IOException {
        for (int i = 0; i < 1001; i++) {
            emu.createSecret(PROJECT, String.format("s%04d", i), "v");
        }

        JsonNode page = http.get(SECRETS + "?limit=1000").json();

        assertThat(page.get("secrets")).hasSize(1000);
        assertThat(page.at("/page_info/next_marker").asText()).isEqualTo("s0999");
    }

    @Test
    void projectsAreSeparate() throws IOException {
        emu.createSecret(OTHER, "shared-name", "v");

        assertThat(http.get(SECRETS + "/shared-name").status()).isEqualTo(404);
        assertThat(emu.secretNames(PROJECT)).isEmpty();
        assertThat(emu.secretNames(OTHER)).containsExactly("shared-name");
    }

    @Test
    void missingTokenIs401() throws IOException {
        Http.Result r = new Http(emu.url(), null).get(SECRETS);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error_code").asText()).isEqualTo("APIG.0301");
        assertThat(r.json().get("error_msg").asText()).startsWith("Incorrect IAM authentication information");
    }

    @Test
    void unknownTokenIs401() throws IOException {
        Http.Result r = new Http(emu.url(), "MIIunknown" + "x".repeat(80)).get(SECRETS);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error_code").asText()).isEqualTo("APIG.0301");
    }

    @Test
    void expiredTokenIs401WithExpiresAt() throws IOException {
        emu.createSecret(PROJECT, "kept", "v");
        clock.advance(Duration.ofHours(24));

        Http.Result r = http.delete(SECRETS + "/kept");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error_code").asText()).isEqualTo("APIG.0301");
        assertThat(r.json().get("error_msg").asText())
                .isEqualTo("Incorrect IAM authentication information: token expires, expires_at"
                        + " 2026-01-02T00:00:00.000000Z");
        assertThat(emu.hasSecret(PROJECT, "kept")).isTrue();
    }

    @Test
    void tokenIsValidUntilJustBeforeExpiry() throws IOException {
        clock.advance(Duration.ofHours(24).minusMillis(1));

        assertThat(http.get(SECRETS).status()).isEqualTo(200);
    }

    @Test
    void tokenLifetimeIsConfigurable() throws IOException {
        try (CsmsEmulator shortLived = CsmsEmulator.builder()
                .clock(clock)
                .tokenLifetime(Duration.ofMinutes(5))
                .start()) {
            Http client = new Http(shortLived.url(), shortLived.issueToken(PROJECT));
            clock.advance(Duration.ofMinutes(5));

            assertThat(client.get(SECRETS).status()).isEqualTo(401);
        }
    }

    @Test
    void revokedTokensAre401() throws IOException {
        emu.revokeTokens();

        assertThat(http.get(SECRETS).status()).isEqualTo(401);
    }

    @Test
    void unknownPathsAre404AndWrongMethodsAre405() throws IOException {
        Http.Result unknown = http.get("/v2/" + PROJECT + "/secrets");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_code").asText()).isEqualTo("APIG.0101");
        assertThat(http.get(SECRETS + "/a/b").status()).isEqualTo(404);
        assertThat(http.post(SECRETS + "/a", "{}").status()).isEqualTo(405);
    }

    @Test
    void javaApiRefusesBadInput() {
        assertThatThrownBy(() -> emu.createSecret(PROJECT, "a/b", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.createSecret("short", "ok", "v")).isInstanceOf(IllegalArgumentException.class);
        emu.createSecret(PROJECT, "ok", "v");
        assertThatThrownBy(() -> emu.createSecret(PROJECT, "ok", "v")).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("secrets").forEach(s -> out.add(s.get("name").asText()));
        return out;
    }
}
