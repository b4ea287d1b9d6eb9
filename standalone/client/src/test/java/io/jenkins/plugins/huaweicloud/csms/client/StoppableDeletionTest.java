package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real deletion as a {@link StoppableTask} (what a Pipeline step runs), stopped while the server holds its DELETE:
 * the stop cancels the call, and the end is reported exactly once, after the call has ended. Timeouts guard, they do
 * not measure.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StoppableDeletionTest {
    private static final String NAME = "pr-42-db";

    private final FakeClock clock = new FakeClock();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final StoppableTask<DeletionReport> task = new StoppableTask<>();
    /** What happened, in order: the job's results, the end of the call, and the ends the task reported. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<DeletionReport> reports = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final StoppableTask.Completion<DeletionReport> completion = StoppableTask.Completion.of(
            report -> {
                reports.add(report);
                events.add("succeeded");
                ended.countDown();
            },
            failure -> {
                events.add("failed");
                failures.add(failure);
                ended.countDown();
            });

    @AfterEach
    void theWorkerIsGoneAndNothingCameAfterTheEnd() throws Exception {
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.stream().filter(e -> e.equals("failed") || e.equals("succeeded")))
                .hasSizeLessThanOrEqualTo(1);
    }

    /** Runs the job the way the plugin's step does: the rows are recorded once the call has ended. */
    private void startDeletion(DeletionRequest.Builder request, Token token) {
        DeletionPlan plan = DeletionJob.plan(
                request.name(NAME).credentialsId("job-token").build(), DeletionDefaults.NONE, ArgumentNames.JENKINS);
        CsmsClient.Builder client = CsmsClient.builder()
                .tokenSource(TokenSource.fixed(token))
                .clock(clock)
                .sleeper(new RecordingSleeper(clock));
        JobListener listener = new JobListener() {
            @Override
            public void log(String line) {}

            @Override
            public void result(DeletionResult result) {
                events.add("result " + result.name());
            }
        };
        task.start(
                pool,
                () -> {
                    try {
                        return DeletionJob.run(plan, client, listener);
                    } finally {
                        events.add("call ended");
                    }
                },
                completion);
    }

    private Throwable awaitTheOnlyFailure() throws InterruptedException {
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the task ended").isTrue();
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    @Test
    void aStopCancelsTheDeleteTheEmulatorHoldsAndTheSecretStays() throws Exception {
        try (CsmsEmulator emulator = CsmsEmulator.builder().start()) {
            String project = CsmsEmulator.DEMO_PROJECT_ID;
            emulator.createSecret(project, NAME, "value");
            emulator.script(NAME, Fault.delay(Duration.ofSeconds(60)).onlyFor("DELETE"));
            startDeletion(
                    DeletionRequest.builder()
                            .project(project)
                            .endpoint(emulator.url())
                            .attempts(3)
                            .timeoutSeconds(120),
                    Token.of(emulator.issueToken(project)));
            awaitTaken(emulator);
            assertThat(task.isRunning()).isTrue();
            Exception cause = new Exception("aborted by user");

            task.stop(cause);

            assertThat(awaitTheOnlyFailure()).isSameAs(cause);
            assertThat(cause.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
            assertThat(events).containsExactly("call ended", "failed");
            // The emulator took the DELETE and is still in its 60 s delay: it answered nothing and deleted nothing,
            // so the end did not wait for an answer, and no retry followed the stop.
            assertThat(emulator.hasSecret(project, NAME)).isTrue();
            assertThat(emulator.requestCount("DELETE", "/v1/" + project + "/secrets/" + NAME))
                    .isZero();
            assertThat(emulator.requests()).isEmpty();
            assertThat(task.isRunning()).isFalse();
        }
    }

    /** Waits, without sleeping, until the emulator has taken the scripted delay: the DELETE is in flight. */
    private static void awaitTaken(CsmsEmulator emulator) {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (emulator.pendingScript(NAME) > 0 && Instant.now().isBefore(giveUp)) {
            Thread.onSpinWait();
        }
        assertThat(emulator.pendingScript(NAME))
                .as("the DELETE reached the emulator")
                .isZero();
    }

    @Test
    void aStopCancelsAStalledDeleteWithoutARetry() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(SocketEffect.Stall.INSTANCE)
                    .build());
            server.start();
            startDeletion(
                    DeletionRequest.builder()
                            .project(Fixtures.PROJECT.value())
                            .endpoint(server.url("/").toString())
                            .attempts(3)
                            .timeoutSeconds(120),
                    Fixtures.TOKEN);
            RecordedRequest delete = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(delete).isNotNull();
            assertThat(delete.getMethod()).isEqualTo("DELETE");
            assertThat(delete.getTarget()).isEqualTo(Fixtures.path(Fixtures.PROJECT, SecretName.of(NAME)));
            assertThat(events).isEmpty();
            Exception cause = new Exception("aborted by user");

            task.stop(cause);

            assertThat(awaitTheOnlyFailure()).isSameAs(cause);
            assertThat(cause.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
            assertThat(events).containsExactly("call ended", "failed");
            assertThat(server.getRequestCount()).as("no retry after the stop").isEqualTo(1);
        }
    }

    @Test
    void withoutAStopTheEndComesAfterTheResultWasRecordedAndTheCallEnded() throws Exception {
        try (CsmsEmulator emulator = CsmsEmulator.builder().start()) {
            String project = CsmsEmulator.DEMO_PROJECT_ID;
            emulator.createSecret(project, NAME, "value");

            startDeletion(
                    DeletionRequest.builder().project(project).endpoint(emulator.url()),
                    Token.of(emulator.issueToken(project)));

            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the task ended").isTrue();
            assertThat(failures).isEmpty();
            assertThat(events).containsExactly("result " + NAME, "call ended", "succeeded");
            assertThat(reports)
                    .singleElement()
                    .satisfies(r -> assertThat(r.summary()).isEqualTo("1 secret: 1 SUCCESS"));
            assertThat(emulator.hasSecret(project, NAME)).isFalse();
        }
    }
}
