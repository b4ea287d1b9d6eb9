package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deletion job with a tag target and with scheduled deletion and restore, against the emulator. */
class DeletionJobLifecycleTest {
    private static final String PROJECT = CsmsEmulator.DEMO_PROJECT_ID;

    private CsmsEmulator emulator;
    private final FakeClock clock = new FakeClock();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private DeletionRequest.Builder request() {
        return DeletionRequest.builder()
                .project(PROJECT)
                .endpoint(emulator.url())
                .credentialsId("job-token");
    }

    private DeletionReport run(DeletionRequest.Builder request) throws Exception {
        DeletionPlan plan = DeletionJob.plan(request.build(), DeletionDefaults.NONE, ArgumentNames.JENKINS);
        CsmsClient.Builder client = CsmsClient.builder()
                .tokenSource(TokenSource.fixed(Token.of(emulator.issueToken(PROJECT))))
                .clock(clock)
                .sleeper(new RecordingSleeper(clock));
        return DeletionJob.run(plan, client, log::add);
    }

    private void tagged(String name, String key, String value) {
        emulator.createSecret(PROJECT, name, "v");
        emulator.tagSecret(PROJECT, name, key, value);
    }

    @Test
    void aTagTargetDeletesTheTaggedSecretsOnly() throws Exception {
        tagged("pr-42.db", "env", "pr-42");
        tagged("pr-42.api", "env", "pr-42");
        tagged("prod.db", "env", "prod");

        DeletionReport report = run(request().tags(List.of("env=pr-42")));

        assertThat(report.results()).extracting(DeletionResult::name).containsExactly("pr-42.api", "pr-42.db");
        assertThat(report.worst()).isEqualTo(Outcome.SUCCESS);
        assertThat(emulator.secretNames(PROJECT)).containsExactly("prod.db");
        assertThat(log).anyMatch(l -> l.contains("2 secrets have the tags env=pr-42 (maximum 100)"));
    }

    @Test
    void aTagTargetOverItsMaximumIsRefusedAndADryRunSendsNothingButTheQuery() throws Exception {
        for (int i = 0; i < 3; i++) {
            tagged("t" + i, "env", "e");
        }

        assertThatThrownBy(() -> run(request().tags(List.of("env=e")).maxCount(2)))
                .isInstanceOf(DeletionRefusedException.class)
                .hasMessageContaining("3 secrets have the tags env=e, more than the maximum of 2");
        DeletionReport dry = run(request().tags(List.of("env=e")).dryRun(true));

        assertThat(dry.wouldDelete()).extracting(SecretName::value).containsExactly("t0", "t1", "t2");
        assertThat(emulator.secretNames(PROJECT)).hasSize(3);
        assertThat(emulator.requests()).allMatch(r -> r.method().equals("POST"));
    }

    @Test
    void scheduleThenRestoreThroughTheJob() throws Exception {
        emulator.createSecret(PROJECT, "app.db-password", "v");

        DeletionReport scheduled = run(request()
                .name("app.db-password")
                .action(DeletionRequest.Action.SCHEDULE_DELETION)
                .recoveryDays(7));

        assertThat(scheduled.results()).extracting(DeletionResult::kind).containsExactly(ResultKind.SCHEDULED);
        assertThat(emulator.secretState(PROJECT, "app.db-password")).isEqualTo("PENDING_DELETE");
        assertThat(log).anyMatch(l -> l.startsWith("Scheduling the deletion (in 7 days) of 1 secret"));

        DeletionReport restored = run(request().name("app.db-password").action(DeletionRequest.Action.RESTORE));

        assertThat(restored.results()).extracting(DeletionResult::kind).containsExactly(ResultKind.RESTORED);
        assertThat(emulator.secretState(PROJECT, "app.db-password")).isEqualTo("ENABLED");
    }

    @Test
    void aScheduleWithoutAWindowUsesThirtyDays() throws Exception {
        emulator.createSecret(PROJECT, "s", "v");

        DeletionReport r = run(request().name("s").action(DeletionRequest.Action.SCHEDULE_DELETION));

        assertThat(r.results().get(0).reason()).contains("30 days");
    }

    @Test
    void badWindowsAndMixedTargetsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> DeletionJob.plan(
                        request()
                                .name("s")
                                .action(DeletionRequest.Action.SCHEDULE_DELETION)
                                .recoveryDays(6)
                                .build(),
                        DeletionDefaults.NONE,
                        ArgumentNames.JENKINS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("recoveryWindowDays: ")
                .hasMessageContaining("from 7 to 30 days");
        assertThatThrownBy(() -> DeletionJob.plan(
                        request().prefix("pr-1").tags(List.of("env=x")).build(),
                        DeletionDefaults.NONE,
                        ArgumentNames.JENKINS))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DeletionJob.plan(
                        request().tags(List.of("env")).build(), DeletionDefaults.NONE, ArgumentNames.JENKINS))
                .hasMessageContaining("KEY=VALUE");
        assertThat(emulator.requestCount()).isZero();
    }
}
