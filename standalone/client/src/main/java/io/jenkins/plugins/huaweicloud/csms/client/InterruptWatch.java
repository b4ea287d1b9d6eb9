package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;

/**
 * Cancels a call whose thread is interrupted (a Jenkins abort) or whose whole-call time is up.
 *
 * <p>A thread blocked in a socket read does not notice interrupts, and okhttp's {@code execute()} does not either;
 * handing every call to okhttp's dispatcher instead would cost two thread wake-ups per call, and okhttp's own call
 * timeout one more watchdog hand-off per call. So calls run on the caller's thread, and one daemon thread, alive only
 * while calls are in flight, looks every {@value #POLL_MILLIS} ms for interrupted callers and expired calls and
 * cancels them, which closes the socket and ends the blocked read.
 */
final class InterruptWatch {
    static final long POLL_MILLIS = 50;
    private static final Logger LOG = Logger.getLogger(InterruptWatch.class.getName());
    private static final Map<Thread, Watched> IN_FLIGHT = new ConcurrentHashMap<>();
    private static Thread watcher; // guarded by InterruptWatch.class

    private InterruptWatch() {}

    /** One watched call; {@link #timedOut()} says whether the watch cancelled it for its deadline. */
    static final class Watched {
        private final Call call;
        private final long deadlineNanos;
        private volatile boolean timedOut;

        private Watched(Call call, long deadlineNanos) {
            this.call = call;
            this.deadlineNanos = deadlineNanos;
        }

        boolean timedOut() {
            return timedOut;
        }
    }

    /** Watches the current thread's call until {@link #end()}; it is cancelled once {@code timeoutNanos} pass. */
    static Watched begin(Call call, long timeoutNanos) {
        Watched w = new Watched(call, System.nanoTime() + timeoutNanos);
        IN_FLIGHT.put(Thread.currentThread(), w);
        synchronized (InterruptWatch.class) {
            if (watcher == null) {
                watcher = new Thread(InterruptWatch::watch, "csms-interrupt-watch");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
        return w;
    }

    static void end() {
        IN_FLIGHT.remove(Thread.currentThread());
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                LOG.log(Level.FINE, "interrupt watch stopped", e);
                synchronized (InterruptWatch.class) {
                    watcher = null;
                }
                return;
            }
            long now = System.nanoTime();
            IN_FLIGHT.forEach((thread, w) -> {
                try {
                    if (thread.isInterrupted()) {
                        w.call.cancel();
                    } else if (now - w.deadlineNanos > 0) {
                        w.timedOut = true;
                        w.call.cancel();
                    }
                } catch (RuntimeException e) {
                    // A caller's okhttp event listener may throw from cancel(); the watch must outlive it.
                    LOG.log(Level.WARNING, "cancelling a call failed", e);
                }
            });
            synchronized (InterruptWatch.class) {
                // begin() registers before it looks at the watcher, so a call added now is seen by a new watcher.
                if (IN_FLIGHT.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
        }
    }
}
