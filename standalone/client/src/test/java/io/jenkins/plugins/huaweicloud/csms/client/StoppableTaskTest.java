package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stop and completion rules of {@link StoppableTask}, with an executor the test drives and latches instead of
 * sleeps. The deletions that a stop cancels mid-request are in {@link StoppableDeletionTest}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StoppableTaskTest {

    /** Runs nothing until the test says so: on the test's thread, or on a thread of its own. */
    static final class HeldExecutor implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();
        final CompletableFuture<Boolean> interruptedAfterRun = new CompletableFuture<>();

        @Override
        public synchronized void execute(Runnable command) {
            queued.add(command);
        }

        synchronized int size() {
            return queued.size();
        }

        synchronized Runnable next() {
            Runnable r = queued.remove();
            return () -> {
                r.run();
                interruptedAfterRun.complete(Thread.currentThread().isInterrupted());
            };
        }

        void runHere() {
            next().run();
        }

        Thread runOnNewThread(String name) {
            Thread t = new Thread(next(), name);
            t.start();
            return t;
        }
    }

    /** Records every end it hears of, in order. */
    static final class Ends<T> implements StoppableTask.Completion<T> {
        final List<Object> heard = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        public void succeeded(T value) {
            heard.add(new Success(value));
            first.countDown();
        }

        @Override
        public void failed(Throwable cause) {
            heard.add(cause);
            first.countDown();
        }

        Object awaitOnly() throws InterruptedException {
            assertThat(first.await(10, TimeUnit.SECONDS)).as("the task ended").isTrue();
            assertThat(heard).hasSize(1);
            return heard.get(0);
        }
    }

    record Success(Object value) {}

    private final HeldExecutor executor = new HeldExecutor();
    private final Ends<String> ends = new Ends<>();
    private final StoppableTask<String> task = new StoppableTask<>();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void theTestThreadIsNeverInterrupted() {
        assertThat(Thread.interrupted()).isFalse();
    }

    private StoppableTask.Work<String> returning(String value) {
        return () -> {
            runs.incrementAndGet();
            return value;
        };
    }

    @Test
    void theValueIsReportedOnceTheWorkHasRunOnTheExecutor() throws Exception {
        assertThat(task.status()).isEqualTo("not started");

        task.start(executor, returning("done"), ends);

        assertThat(runs).hasValue(0);
        assertThat(task.status()).isEqualTo("waiting for a thread");
        assertThat(task.isRunning()).isFalse();
        assertThat(ends.heard).isEmpty();

        executor.runHere();

        assertThat(runs).hasValue(1);
        assertThat(ends.heard).containsExactly(new Success("done"));
        assertThat(task.status()).isEqualTo("ended");
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void aFailureOfTheWorkIsReportedAsItIs() throws Exception {
        IOException boom = new IOException("boom");
        task.start(
                executor,
                () -> {
                    throw boom;
                },
                ends);

        executor.runHere();

        assertThat(ends.awaitOnly()).isSameAs(boom);
        assertThat(boom.getSuppressed()).isEmpty();
    }

    @Test
    void anErrorEndsTheTaskToo() throws Exception {
        StackOverflowError error = new StackOverflowError();
        task.start(
                executor,
                () -> {
                    throw error;
                },
                ends);

        executor.runHere();

        assertThat(ends.awaitOnly()).isSameAs(error);
    }

    @Test
    void aStopBeforeTheWorkBeganEndsTheTaskWithoutRunningIt() throws Exception {
        Exception cause = new Exception("aborted by user");
        task.start(executor, returning("never"), ends);

        task.stop(cause);

        assertThat(task.status()).isEqualTo("stopped before it began, waiting for a thread");
        assertThat(ends.heard)
                .as("the executor's thread reports the end, not stop()")
                .isEmpty();
        executor.runHere();
        assertThat(runs).hasValue(0);
        assertThat(ends.awaitOnly()).isSameAs(cause);
        assertThat(cause.getSuppressed()).isEmpty();
        assertThat(task.status()).isEqualTo("ended");
    }

    @Test
    void aStopBeforeStartAlsoKeepsTheWorkFromRunning() throws Exception {
        Exception cause = new Exception("aborted early");
        task.stop(cause);
        task.start(executor, returning("never"), ends);

        executor.runHere();

        assertThat(runs).hasValue(0);
        assertThat(ends.awaitOnly()).isSameAs(cause);
    }

    @Test
    void aStopWhileRunningInterruptsTheWorkAndTheEndComesOnlyOnceTheWorkHasEnded() throws Exception {
        Exception cause = new Exception("aborted by user");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        task.start(
                executor,
                () -> {
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await(); // what a blocked HTTP read is to the engine
                        return "never";
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        release.join(); // cleaning up after the interrupt takes a while (join ignores interrupts)
                        throw e;
                    }
                },
                ends);
        Thread worker = executor.runOnNewThread("deletion-worker");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(task.isRunning()).isTrue();
        assertThat(task.status()).isEqualTo("running on deletion-worker");

        task.stop(cause);

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(task.isRunning()).as("still cleaning up").isTrue();
        assertThat(task.status()).isEqualTo("stopping, interrupted deletion-worker");
        assertThat(ends.heard).as("no end while the work still runs").isEmpty();

        release.complete(null);

        assertThat(ends.awaitOnly()).isSameAs(cause);
        assertThat(cause.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        worker.join(10_000);
        assertThat(ends.heard).hasSize(1);
        assertThat(task.isRunning()).isFalse();
        assertThat(executor.interruptedAfterRun.get()).isFalse();
    }

    @Test
    void aStopWinsOverAValueAndThePooledThreadLosesTheInterrupt() throws Exception {
        Exception cause = new Exception("aborted by user");
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Boolean> sawTheInterrupt = new CompletableFuture<>();
        task.start(
                executor,
                () -> {
                    entered.countDown();
                    release.join(); // work that does not look at interrupts: the flag stays set
                    sawTheInterrupt.complete(Thread.currentThread().isInterrupted());
                    return "deleted anyway";
                },
                ends);
        Thread worker = executor.runOnNewThread("deletion-worker");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        task.stop(cause);
        release.complete(null);

        assertThat(ends.awaitOnly()).isSameAs(cause);
        assertThat(cause.getSuppressed()).isEmpty();
        assertThat(sawTheInterrupt.get()).as("the stop reached the work").isTrue();
        assertThat(executor.interruptedAfterRun.get())
                .as("and was cleared after it")
                .isFalse();
        worker.join(10_000);
    }

    @Test
    void aWorkThatThrowsTheStopCauseItselfIsNotSuppressedIntoItself() throws Exception {
        Exception cause = new Exception("aborted by user");
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        task.start(
                executor,
                () -> {
                    entered.countDown();
                    release.join();
                    throw cause;
                },
                ends);
        executor.runOnNewThread("deletion-worker");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        task.stop(cause);
        release.complete(null);

        assertThat(ends.awaitOnly()).isSameAs(cause);
        assertThat(cause.getSuppressed()).isEmpty();
    }

    @Test
    void onlyTheFirstStopCauseIsReported() throws Exception {
        Exception first = new Exception("first");
        Exception second = new Exception("second");
        task.start(executor, returning("never"), ends);

        task.stop(first);
        task.stop(second);
        executor.runHere();

        assertThat(ends.awaitOnly()).isSameAs(first);
        assertThat(first.getSuppressed()).isEmpty();
        assertThat(second.getSuppressed()).isEmpty();
    }

    @Test
    void aStopAfterTheEndChangesNothingAndInterruptsNoOne() throws Exception {
        task.start(Runnable::run, returning("done"), ends);
        assertThat(ends.heard).containsExactly(new Success("done"));

        task.stop(new Exception("too late"));

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(ends.heard).containsExactly(new Success("done"));
        assertThat(task.status()).isEqualTo("ended");
    }

    @Test
    void anExecutorThatRunsTheTaskTwiceDoesNotEndItTwice() throws Exception {
        task.start(
                command -> {
                    command.run();
                    command.run();
                },
                returning("once"),
                ends);

        assertThat(runs).hasValue(1);
        assertThat(ends.heard).containsExactly(new Success("once"));
    }

    @Test
    void aTaskStartsOnlyOnce() {
        task.start(executor, returning("first"), ends);

        assertThatThrownBy(() -> task.start(executor, returning("second"), ends))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the task was already started");
        assertThat(executor.size()).isEqualTo(1);
    }

    @Test
    void anExecutorThatRefusesTheTaskLeavesTheCallerWithTheExceptionAndTheTaskEnded() {
        RejectedExecutionException refused = new RejectedExecutionException("shut down");

        assertThatThrownBy(() -> task.start(
                        command -> {
                            throw refused;
                        },
                        returning("never"),
                        ends))
                .isSameAs(refused);

        assertThat(runs).hasValue(0);
        assertThat(ends.heard).isEmpty();
        assertThat(task.isRunning()).isFalse();
        assertThat(task.status()).isEqualTo("ended");
    }

    @Test
    void aCompletionMadeOfTwoCallbacksCallsTheRightOne() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        StoppableTask.Completion<String> completion = StoppableTask.Completion.of(seen::add, seen::add);
        IOException boom = new IOException("boom");

        new StoppableTask<String>().start(Runnable::run, () -> "value", completion);
        new StoppableTask<String>()
                .start(
                        Runnable::run,
                        () -> {
                            throw boom;
                        },
                        completion);

        assertThat(seen).containsExactly("value", boom);
    }

    @Test
    void aTaskSavedWhileItRunsReadsBackAsOneThatNeverStarted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        task.start(
                executor,
                () -> {
                    entered.countDown();
                    release.join();
                    return "done";
                },
                ends);
        Thread worker = executor.runOnNewThread("deletion-worker");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        StoppableTask<?> copy = roundTrip(task);

        assertThat(copy).isNotSameAs(task);
        assertThat(copy.isRunning()).isFalse();
        assertThat(copy.status()).isEqualTo("not started");
        assertThat(task.isRunning()).isTrue();
        release.complete(null);
        assertThat(ends.awaitOnly()).isEqualTo(new Success("done"));
        worker.join(10_000);
    }

    private static StoppableTask<?> roundTrip(StoppableTask<?> task) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StoppableTask<?>) in.readObject();
        }
    }

    @Test
    void nullArgumentsAreRefusedBeforeAnythingIsQueued() {
        assertThatThrownBy(() -> task.start(null, returning("x"), ends)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> task.start(executor, null, ends)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> task.start(executor, returning("x"), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> task.stop(null)).isInstanceOf(NullPointerException.class);
        assertThat(executor.size()).isZero();
        assertThat(task.status()).isEqualTo("not started");
    }
}
