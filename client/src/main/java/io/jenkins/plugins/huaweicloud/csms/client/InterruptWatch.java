package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;

/**
 * Cancels the HTTP call of a thread that is interrupted (a Jenkins abort). A thread blocked in a socket read does
 * not notice interrupts, and okhttp's {@code execute()} does not either; handing every call to okhttp's dispatcher
 * instead would cost two thread wake-ups per call. So calls run on the caller's thread, and one daemon thread,
 * alive only while calls are in flight, looks for interrupted callers a few times a second and cancels their
 * calls, which closes the socket and ends the blocked read.
 */
final class InterruptWatch {
    static final long POLL_MILLIS = 50;
    private static final Logger LOG = Logger.getLogger(InterruptWatch.class.getName());
    private static final Map<Thread, Call> IN_FLIGHT = new ConcurrentHashMap<>();
    private static Thread watcher; // guarded by InterruptWatch.class

    private InterruptWatch() {}

    /** Watches the current thread's call until {@link #end()}. */
    static void begin(Call call) {
        IN_FLIGHT.put(Thread.currentThread(), call);
        synchronized (InterruptWatch.class) {
            if (watcher == null) {
                watcher = new Thread(InterruptWatch::watch, "csms-interrupt-watch");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
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
            IN_FLIGHT.forEach((thread, call) -> {
                if (thread.isInterrupted()) {
                    call.cancel();
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
