package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work on a thread of its own that can be stopped, for a front end that must hear of the end exactly once and only
 * once the work has really ended (a Pipeline step: its context may be completed once, and nothing may reach the build
 * after that).
 *
 * <p>{@link #stop} only interrupts the thread running the work: the engine's calls then cancel their HTTP call in
 * flight and throw {@link InterruptedException}. The end is reported by the task's thread, after the work returned
 * or threw: a stop that came first wins (with the work's own failure, if any, added to it as suppressed), otherwise
 * the work's failure, otherwise its value. A stop before the work began ends the task without running it. The
 * thread's interrupt flag is cleared before the end is reported, so a pooled thread does not carry a stop into the
 * next task.
 *
 * <p>Serializable for a front end that is itself saved while the task runs (a Pipeline step execution in the
 * build's program state): what is read back is a task that never started, since a thread does not survive a restart.
 *
 * @param <T> the work's value
 */
public final class StoppableTask<T> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What the task runs; an interrupt asks it to stop. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Hears how the task ended: exactly one of the two, once, on the task's thread. */
    public interface Completion<T> {
        void succeeded(T value);

        void failed(Throwable cause);

        /** A completion from two callbacks, e.g. a Pipeline step context's {@code onSuccess} and {@code onFailure}. */
        static <T> Completion<T> of(Consumer<? super T> succeeded, Consumer<Throwable> failed) {
            Objects.requireNonNull(succeeded, "succeeded");
            Objects.requireNonNull(failed, "failed");
            return new Completion<>() {
                @Override
                public void succeeded(T value) {
                    succeeded.accept(value);
                }

                @Override
                public void failed(Throwable cause) {
                    failed.accept(cause);
                }
            };
        }
    }

    private enum State {
        NEW,
        QUEUED,
        RUNNING,
        ENDED
    }

    // All guarded by this. stop() interrupts only while holding the lock and the worker is set, so no interrupt can
    // reach the thread after the worker has cleared it and its flag.
    private transient State state = State.NEW;
    private transient Thread worker;
    private transient Throwable stopCause;

    /**
     * Hands the work to the executor and returns at once; the completion hears of the end on the executor's thread.
     *
     * @throws IllegalStateException when the task was already started
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses it: the task has ended
     *     without running, the completion hears nothing, the caller has the exception
     */
    public void start(Executor executor, Work<? extends T> work, Completion<? super T> completion) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(completion, "completion");
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("the task was already started");
            }
            state = State.QUEUED;
        }
        try {
            executor.execute(() -> runOnce(work, completion));
        } catch (RuntimeException e) {
            synchronized (this) {
                state = State.ENDED;
            }
            throw e;
        }
    }

    /**
     * Asks the task to stop: interrupts the work if it runs; if it has not begun, it never will. The first cause is
     * the one reported; later calls, and calls after the end, change nothing.
     */
    public void stop(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            if (stopCause == null) {
                stopCause = cause;
            }
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    /** Whether the work runs now (for a front end's "busy, do not restart"). */
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /** A short lowercase phrase for diagnostics, e.g. {@code running on pool-1-thread-2}. */
    public synchronized String status() {
        return switch (state) {
            case NEW -> "not started";
            case QUEUED -> stopCause == null ? "waiting for a thread" : "stopped before it began, waiting for a thread";
            case RUNNING -> (stopCause == null ? "running on " : "stopping, interrupted ") + worker.getName();
            case ENDED -> "ended";
        };
    }

    private void runOnce(Work<? extends T> work, Completion<? super T> completion) {
        Throwable stoppedBefore;
        synchronized (this) {
            if (state != State.QUEUED) {
                return; // an executor that runs a task twice must not end it twice
            }
            stoppedBefore = stopCause;
            if (stoppedBefore == null) {
                state = State.RUNNING;
                worker = Thread.currentThread();
            } else {
                state = State.ENDED;
            }
        }
        if (stoppedBefore != null) {
            completion.failed(stoppedBefore);
            return;
        }
        T value = null;
        Throwable failure = null;
        try {
            value = work.run();
        } catch (Throwable t) { // everything ends the task, one way or the other
            failure = t;
        }
        Throwable stopped;
        synchronized (this) {
            state = State.ENDED;
            worker = null;
            stopped = stopCause;
            Thread.interrupted(); // a pooled thread must not keep the stop's interrupt
        }
        end(completion, value, failure, stopped);
    }

    private static <T> void end(Completion<? super T> completion, T value, Throwable failure, Throwable stopped) {
        if (stopped != null) {
            if (failure != null && failure != stopped) {
                stopped.addSuppressed(failure);
            }
            completion.failed(stopped);
        } else if (failure != null) {
            completion.failed(failure);
        } else {
            completion.succeeded(value);
        }
    }

    /** A task read back was saved while it ran or before: it is a new one, never started. */
    @Serial
    private Object readResolve() {
        return new StoppableTask<T>();
    }
}
