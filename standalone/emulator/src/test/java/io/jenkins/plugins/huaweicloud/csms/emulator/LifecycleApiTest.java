package io.jenkins.plugins.huaweicloud.csms.emulator;

import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Create with all its fields, scheduled deletion and its cancellation, and the ways of saying "absent". */
class LifecycleApiTest {
    private static final String SECRETS = "/v1/" + PROJECT + "/secrets";
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CsmsEmulator emu;
    private Http http;

    @BeforeEach
    void start() {
        // Tokens outlive the recovery windows the tests step over.
        emu = CsmsEmulator.builder()
                .clock(clock)
                .tokenLifetime(Duration.ofDays(90))
                .start();
        http = new Http(emu.url(), emu.issueToken(PROJECT));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static String schedule(String name) {
        return SECRETS + "/" + name + "/scheduled-deleted-tasks/create";
    }

    private static String cancel(String name) {
        return SECRETS + "/" + name + "/scheduled-deleted-tasks/cancel";
    }

    @Test
    void createKeepsDescriptionAndKmsKeyIdAndGivesAUuid() throws IOException {
        Http.Result r = http.post(
                SECRETS,
                "{\"name\":\"app.db\",\"secret_string\":\"v\",\"description\":\"db password\","
                        + "\"kms_key_id\":\"my-key-1\"}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode secret = r.json().get("secret");
        assertThat(secret.get("id").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(secret.get("description").asText()).isEqualTo("db password");
        assertThat(secret.get("kms_key_id").asText()).isEqualTo("my-key-1");
        assertThat(secret.get("secret_type").asText()).isEqualTo("COMMON");
        assertThat(secret.get("state").asText()).isEqualTo("ENABLED");
        assertThat(secret.get("scheduled_delete_time").isNull()).isTrue();
        assertThat(secret.get("id").asText()).isEqualTo(emu.secretId(PROJECT, "app.db"));
        JsonNode shown = http.get(SECRETS + "/app.db").json().get("secret");
        assertThat(shown.get("description").asText()).isEqualTo("db password");
        assertThat(shown.get("kms_key_id").asText()).isEqualTo("my-key-1");
    }

    @Test
    void createWithABinaryValueWorks() throws IOException {
        String binary = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        Http.Result r = http.post(SECRETS, "{\"name\":\"bin\",\"secret_binary\":\"" + binary + "\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(binary);
        assertThat(emu.secretNames(PROJECT)).containsExactly("bin");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\":\"x\"}",
                "{\"name\":\"x\",\"secret_string\":\"v\",\"secret_binary\":\"AQID\"}",
                "{\"name\":\"x\",\"secret_binary\":\"not base64!\"}",
                "{\"name\":\"x\",\"secret_string\":\"v\",\"kms_key_id\":\"\"}",
                "{\"name\":\"x\",\"secret_string\":\"v\",\"secret_type\":\"OTHER\"}",
                "{\"name\":\"x\",\"secret_string\":\"v\",\"description\":7}"
            })
    void createNeedsExactlyOneValueAndValidFields(String body) throws IOException {
        Http.Result r = http.post(SECRETS, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(emu.secretNames(PROJECT)).isEmpty();
    }

    @Test
    void scheduledDeletionDefaultsToThirtyDaysThenTheSecretIsGone() throws IOException {
        emu.createSecret(PROJECT, "s", "v");
        long now = clock.millis();

        Http.Result r = http.post(schedule("s"), "{}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode secret = r.json().get("secret");
        assertThat(secret.get("state").asText()).isEqualTo("PENDING_DELETE");
        assertThat(secret.get("scheduled_delete_time").asLong()).isEqualTo(now + 30 * DAY_MS);
        assertThat(http.get(SECRETS + "/s").json().at("/secret/state").asText()).isEqualTo("PENDING_DELETE");
        assertThat(http.get(SECRETS).json().at("/secrets/0/state").asText()).isEqualTo("PENDING_DELETE");

        clock.advance(Duration.ofDays(30).minusMillis(1));
        assertThat(emu.hasSecret(PROJECT, "s")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(emu.hasSecret(PROJECT, "s")).isFalse();
        assertThat(http.get(SECRETS + "/s").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 30})
    void scheduledDeletionTakesAWindowOfSevenToThirtyDays(int days) throws IOException {
        emu.createSecret(PROJECT, "s", "v");

        Http.Result r = http.post(schedule("s"), "{\"recovery_window_in_days\":" + days + "}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/secret/scheduled_delete_time").asLong()).isEqualTo(clock.millis() + days * DAY_MS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "31", "0", "-7", "\"10\"", "7.5"})
    void scheduledDeletionRefusesAWindowOutsideSevenToThirty(String days) throws IOException {
        emu.createSecret(PROJECT, "s", "v");

        Http.Result r = http.post(schedule("s"), "{\"recovery_window_in_days\":" + days + "}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(emu.secretState(PROJECT, "s")).isEqualTo("ENABLED");
    }

    @Test
    void cancelRestoresAPendingSecretAndIsRefusedWhenNotPending() throws IOException {
        emu.createSecret(PROJECT, "s", "v");
        Http.Result notPending = http.post(cancel("s"), "");
        assertThat(notPending.status()).isEqualTo(400);
        assertThat(notPending.json().get("error_code").asText()).isEqualTo("CSMS.0108");

        emu.scheduleSecretDeletion(PROJECT, "s", 7);
        Http.Result restored = http.post(cancel("s"), "");

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().at("/secret/state").asText()).isEqualTo("ENABLED");
        assertThat(restored.json().at("/secret/scheduled_delete_time").isNull()).isTrue();
        clock.advance(Duration.ofDays(8));
        assertThat(emu.hasSecret(PROJECT, "s")).isTrue();
    }

    @Test
    void aPendingSecretCannotBeDeletedNowNorScheduledAgain() throws IOException {
        emu.createSecret(PROJECT, "s", "v");
        emu.scheduleSecretDeletion(PROJECT, "s", 7);

        Http.Result deleted = http.delete(SECRETS + "/s");
        assertThat(deleted.status()).isEqualTo(400);
        assertThat(deleted.json().get("error_code").asText()).isEqualTo("CSMS.0107");
        assertThat(deleted.json().get("error_msg").asText()).contains("pending");

        Http.Result again = http.post(schedule("s"), "{}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error_code").asText()).isEqualTo("CSMS.0107");
        assertThat(emu.secretState(PROJECT, "s")).isEqualTo("PENDING_DELETE");
    }

    @Test
    void scheduledTasksOfAnAbsentSecretAnswerAbsent() throws IOException {
        assertThat(http.post(schedule("gone"), "{}").status()).isEqualTo(404);
        assertThat(http.post(cancel("gone"), "").status()).isEqualTo(404);
        assertThat(http.get(SECRETS + "/gone/scheduled-deleted-tasks/create").status())
                .isEqualTo(405);
        assertThat(http.post(SECRETS + "/gone/scheduled-deleted-tasks/other", "{}")
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(AbsentAnswer.class)
    void absentIsAnsweredTheWayTheEmulatorIsSet(AbsentAnswer how) throws IOException {
        emu.setAbsentAnswer(how);

        for (Http.Result r : new Http.Result[] {
            http.delete(SECRETS + "/gone"), http.get(SECRETS + "/gone"), http.post(schedule("gone"), "{}")
        }) {
            assertThat(r.status()).isEqualTo(how.status());
            assertThat(r.json().get("error_code").asText()).isEqualTo(how.code());
        }
    }

    @Test
    void absentCanBeAnsweredDifferentlyPerSecret() throws IOException {
        emu.absentAnswer("old-style", AbsentAnswer.BAD_REQUEST_CSMS_0106);

        Http.Result special = http.delete(SECRETS + "/old-style");
        Http.Result standard = http.delete(SECRETS + "/other");

        assertThat(special.status()).isEqualTo(400);
        assertThat(special.json().get("error_code").asText()).isEqualTo("CSMS.0106");
        assertThat(standard.status()).isEqualTo(404);
        assertThat(standard.json().get("error_code").asText()).isEqualTo("CSMS.0005");
    }

    @Test
    void theBuilderSetsTheAbsentAnswerToo() throws IOException {
        try (CsmsEmulator other = CsmsEmulator.builder()
                .absentAnswer(AbsentAnswer.BAD_REQUEST_CSMS_0005)
                .start()) {
            Http.Result r = new Http(other.url(), other.issueToken(PROJECT)).delete(SECRETS + "/x");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error_code").asText()).isEqualTo("CSMS.0005");
        }
    }
}
