package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Stops {@code csms delete} cleanly on SIGINT or SIGTERM: no new request, a bounded grace for the calls in flight
 * (their lines are printed), then the run thread is interrupted, which cancels what is left. The command prints
 * the summary and exits 130 (SIGINT) or 143 (SIGTERM). A second signal exits at once.
 *
 * <p>Why {@code sun.misc.Signal} (module jdk.unsupported) and not a shutdown hook: a hook cannot tell SIGINT from
 * SIGTERM, so it cannot choose 130 or 143; it runs once the JVM is already exiting, so the run cannot finish its
 * calls, print and return through the normal path; and a second signal does nothing while hooks run. A handler
 * replaces the JVM's default action (exit) for these two signals only, in the real process only.
 */
final class StopController {
    /** How long the calls in flight may take to finish after the first signal. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final Duration grace;
    private final Consumer<String> announce;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger signals = new AtomicInteger();
    private volatile String signalName;
    private volatile int exitCode;
    private volatile Thread runThread;
    private volatile boolean deleting;
    private volatile boolean graceExpired;

    private StopController(Duration grace, Consumer<String> announce) {
        this.grace = grace;
        this.announce = announce;
    }

    /** A controller no signal reaches (in-process runs, tests). */
    static StopController none() {
        return new StopController(DEFAULT_GRACE, message -> {});
    }

    /** Handles SIGINT and SIGTERM of this process from now on; {@code announce} prints one line on stderr. */
    static StopController onSignals(Duration grace, Consumer<String> announce) {
        StopController c = new StopController(grace, announce);
        c.handle("INT", ExitCodes.SIGINT);
        c.handle("TERM", ExitCodes.SIGTERM);
        return c;
    }

    // sun.misc.Signal is in module jdk.unsupported, exported on purpose for this use; javac warns about it anyway.
    private void handle(String name, int code) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> signalled("SIG" + name, code));
        } catch (IllegalArgumentException e) {
            // The signal is unknown on this OS or already used by the JVM: keep the default behaviour.
        }
    }

    /** The run starts on this thread; it is interrupted when the grace is over. */
    void runOn(Thread thread) {
        this.runThread = thread;
    }

    /**
     * Deletions are under way from now: a signal waits for them for the grace. Before this, a signal interrupts the
     * run at once (a listing or an IAM exchange has nothing to report).
     */
    void deleting() {
        deleting = true;
    }

    /** The run is over: a signal from now on only exits. */
    void finished() {
        finished.countDown();
    }

    boolean requested() {
        return stopRequested.getCount() == 0;
    }

    /** SIGINT or SIGTERM, or null when no signal came. */
    String signalName() {
        return signalName;
    }

    /** 130 for SIGINT, 143 for SIGTERM. */
    int exitCode() {
        return exitCode;
    }

    /** Whether calls were still in flight when the grace ran out (they were cancelled). */
    boolean graceExpired() {
        return graceExpired;
    }

    Duration grace() {
        return grace;
    }

    /** Waits like {@code base}, but a stop ends the wait at once (a backoff or pacing wait must not hold the exit). */
    Sleeper sleeper(Sleeper base) {
        return d -> {
            if (requested()) {
                return;
            }
            if (base == Sleeper.SYSTEM) {
                stopRequested.await(d.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                base.sleep(d);
            }
        };
    }

    /** What a signal does; package-private so tests can send one without a process. */
    void signalled(String name, int code) {
        if (signals.incrementAndGet() > 1 || finished.getCount() == 0) {
            announce.accept("csms: " + name + " again: exiting at once; calls in flight may or may not have been"
                    + " applied (a rerun shows deleted names as already absent).");
            Runtime.getRuntime().halt(signalName != null ? exitCode : code);
            return;
        }
        signalName = name;
        exitCode = code;
        stopRequested.countDown();
        Thread watchdog = new Thread(this::awaitGrace, "csms-stop-grace");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void awaitGrace() {
        try {
            if (deleting) {
                announce.accept("csms: " + signalName + ": starting no new request; waiting up to "
                        + grace.toMillis() / 1000.0 + " s for the calls in flight (a second signal exits at once).");
                if (finished.await(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
                graceExpired = true;
            }
            Thread run = runThread;
            if (run != null) {
                run.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
