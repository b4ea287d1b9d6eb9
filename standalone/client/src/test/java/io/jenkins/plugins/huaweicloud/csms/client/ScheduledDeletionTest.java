package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.TOKEN_TEXT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.error;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.huaweicloud.csms.emulator.AbsentAnswer;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scheduled deletion and its cancellation: request shape, results, retries, over loopback. */
class ScheduledDeletionTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CsmsClient client() {
        return Fixtures.client(server, clock, sleeper).build();
    }

    private static MockResponse secret(String state) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", "req-ok")
                .body("{\"secret\":{\"name\":\"pr-42-db\",\"state\":\"" + state + "\"}}")
                .build();
    }

    @Test
    void scheduleSendsOnePostWithTheWindow() throws Exception {
        server.enqueue(secret("PENDING_DELETE"));

        DeletionResult r = client().scheduleDeletion(PROJECT, NAME, 7);

        assertThat(r.kind()).isEqualTo(ResultKind.SCHEDULED);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.reason()).contains("7 days");
        assertThat(r.requestId()).isEqualTo("req-ok");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget())
                .isEqualTo("/v1/" + PROJECT.value() + "/secrets/pr-42-db/scheduled-deleted-tasks/create");
        assertThat(request.getBody().utf8()).isEqualTo("{\"recovery_window_in_days\":7}");
        assertThat(request.getHeaders().get("X-Auth-Token")).isEqualTo(TOKEN_TEXT);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 31, 0, -1})
    void aWindowOutsideSevenToThirtyIsRefusedBeforeAnythingIsSent(int days) {
        assertThatThrownBy(() -> client().scheduleDeletion(PROJECT, NAME, days))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from 7 to 30 days");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void cancelSendsOnePostAndRestores() throws Exception {
        server.enqueue(secret("ENABLED"));

        DeletionResult r = client().cancelDeletion(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.RESTORED);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget())
                .isEqualTo("/v1/" + PROJECT.value() + "/secrets/pr-42-db/scheduled-deleted-tasks/cancel");
    }

    @Test
    void cancelOfASecretNotPendingIsNotScheduledAndUnstable() throws Exception {
        server.enqueue(error(400, "CSMS.0108", "not pending deletion"));

        DeletionResult r = client().cancelDeletion(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NOT_SCHEDULED);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.errorCode()).isEqualTo("CSMS.0108");
        assertThat(r.reason()).contains("not pending deletion");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSMS.0103", "CSMS.0107"})
    void anImmediateDeleteOfAPendingSecretSaysSoAndHowToProceed(String code) throws Exception {
        server.enqueue(error(400, code, "pending deletion"));

        DeletionResult r = client().delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.PENDING_DELETION);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.reason()).contains("pending a scheduled deletion").contains("restore it first");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void schedulingAPendingSecretAgainChangesNothing() throws Exception {
        server.enqueue(error(400, "CSMS.0107", "pending deletion"));

        DeletionResult r = client().scheduleDeletion(PROJECT, NAME, 30);

        assertThat(r.kind()).isEqualTo(ResultKind.PENDING_DELETION);
        assertThat(r.reason()).contains("already pending").contains("nothing changed");
    }

    @Test
    void scheduleIsRetriedLikeADelete() throws Exception {
        server.enqueue(error(503, "APIG.0203", "busy"));
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "2")
                .body("{}")
                .build());
        server.enqueue(secret("PENDING_DELETE"));

        DeletionResult r = client().scheduleDeletion(PROJECT, NAME, 30);

        assertThat(r.kind()).isEqualTo(ResultKind.SCHEDULED);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(sleeper.sleeps.get(1).toSeconds()).isEqualTo(2);
    }

    @Test
    void alreadyPendingAfterAnAmbiguousAttemptMeansThatAttemptScheduledIt() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(error(400, "CSMS.0107", "pending deletion"));

        DeletionResult r = client().scheduleDeletion(PROJECT, NAME, 30);

        assertThat(r.kind()).isEqualTo(ResultKind.SCHEDULED);
        assertThat(r.reason()).contains("by an earlier attempt");
    }

    @Test
    void notPendingAfterAnAmbiguousCancelMeansThatAttemptRestoredIt() throws Exception {
        server.enqueue(status(502));
        server.enqueue(error(400, "CSMS.0108", "not pending"));

        DeletionResult r = client().cancelDeletion(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.RESTORED);
        assertThat(r.reason()).contains("by an earlier attempt");
    }

    @ParameterizedTest
    @EnumSource(AbsentAnswer.class)
    void againstTheEmulatorEveryWayOfSayingAbsentIsAlreadyAbsent(AbsentAnswer how) throws Exception {
        try (CsmsEmulator emu = CsmsEmulator.builder().absentAnswer(how).start()) {
            CsmsClient c = emulatorClient(emu);

            DeletionResult scheduled = c.scheduleDeletion(PROJECT, NAME, 7);
            DeletionResult restored = c.cancelDeletion(PROJECT, NAME);

            assertThat(scheduled.kind()).isEqualTo(ResultKind.ALREADY_ABSENT);
            assertThat(scheduled.reason()).contains("nothing to schedule");
            assertThat(restored.kind()).isEqualTo(ResultKind.ALREADY_ABSENT);
            assertThat(restored.reason()).contains("nothing to restore");
        }
    }

    @Test
    void theWholeLifecycleAgainstTheEmulator() throws Exception {
        try (CsmsEmulator emu = CsmsEmulator.builder().start()) {
            emu.createSecret(PROJECT.value(), "app.db-password", "v");
            SecretName name = SecretName.of("app.db-password");
            CsmsClient c = emulatorClient(emu);

            assertThat(c.cancelDeletion(PROJECT, name).kind()).isEqualTo(ResultKind.NOT_SCHEDULED);
            assertThat(c.scheduleDeletion(PROJECT, name, 7).kind()).isEqualTo(ResultKind.SCHEDULED);
            assertThat(emu.secretState(PROJECT.value(), "app.db-password")).isEqualTo("PENDING_DELETE");
            assertThat(c.delete(PROJECT, name).kind()).isEqualTo(ResultKind.PENDING_DELETION);
            assertThat(c.cancelDeletion(PROJECT, name).kind()).isEqualTo(ResultKind.RESTORED);
            assertThat(emu.secretState(PROJECT.value(), "app.db-password")).isEqualTo("ENABLED");
            assertThat(c.delete(PROJECT, name).kind()).isEqualTo(ResultKind.DELETED);
        }
    }

    @Test
    void aScheduleDroppedAfterItWasAppliedIsStillScheduled() throws Exception {
        try (CsmsEmulator emu = CsmsEmulator.builder().start()) {
            emu.createSecret(PROJECT.value(), NAME.value(), "v");
            emu.script(NAME.value(), Fault.applyThenDrop());

            DeletionResult r = emulatorClient(emu).scheduleDeletion(PROJECT, NAME, 30);

            assertThat(r.kind()).isEqualTo(ResultKind.SCHEDULED);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(emu.secretState(PROJECT.value(), NAME.value())).isEqualTo("PENDING_DELETE");
        }
    }

    private CsmsClient emulatorClient(CsmsEmulator emu) {
        return CsmsClient.builder()
                .endpoint(Endpoint.of(emu.url()))
                .tokenSource(TokenSource.fixed(Token.of(emu.issueToken(PROJECT.value()))))
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(sleeper)
                .build();
    }
}
