package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one retry loop of the engine, shared by a secret's deletion and by each page of a listing: every attempt
 * waits for the pacer, is bounded by the deadline, tells the pacer how the service answered, and a retryable fault
 * waits (backoff or the capped {@code Retry-After}) unless attempts or the deadline are used up, or the run is
 * stopping (a command line's SIGTERM): then nothing new is sent, while a request in flight finishes as usual.
 */
final class RetryLoop {
    private static final Logger LOG = Logger.getLogger(RetryLoop.class.getName());
    private static final String NOT_RETRIED = "; not retried: the run is stopping";

    private final CsmsClient client;
    private final ClientSettings settings;
    private final Pacer pacer;
    private final int maxAttempts;
    private final String what;
    private final BooleanSupplier stopping;
    private final Instant start;
    private final Instant deadlineAt;

    private int attempts;
    private int retryableFailures;

    /**
     * @param maxAttempts attempts in all for retryable faults
     * @param what what is retried, for the progress line ("pr-42-db", "the secret listing")
     */
    RetryLoop(CsmsClient client, Pacer pacer, int maxAttempts, String what) {
        this(client, pacer, maxAttempts, what, () -> false);
    }

    /** A loop of a run that may be stopped: once {@code stopping} is true it starts and retries nothing. */
    RetryLoop(CsmsClient client, Pacer pacer, int maxAttempts, String what, BooleanSupplier stopping) {
        this.client = client;
        this.settings = client.settings();
        this.pacer = pacer;
        this.maxAttempts = maxAttempts;
        this.what = what;
        this.stopping = stopping;
        this.start = client.clock().instant();
        this.deadlineAt = start.plus(settings.deadline());
    }

    /** Whether the run is stopping before anything was sent: the call is then dropped, and not reported. */
    boolean stoppingBeforeFirstAttempt() {
        return attempts == 0 && stopping.getAsBoolean();
    }

    /**
     * Counts an attempt and waits for the pacer; returns the attempt's timeout, which never outlives the deadline,
     * or null when the run began stopping while a first attempt waited for its turn (nothing is sent).
     */
    Duration beginAttempt() throws InterruptedException {
        attempts++;
        pacer.beforeRequest();
        if (attempts == 1 && stopping.getAsBoolean()) {
            return null;
        }
        // Measured after the pacer's wait, which counts against the deadline like any other.
        return min(settings.callTimeout(), Duration.between(client.clock().instant(), deadlineAt));
    }

    /** Tells the pacer about an answer; returns its {@code Retry-After} capped by the settings, or null. */
    Duration answered(HttpAnswer answer) {
        Duration retryAfter =
                RetryAfter.parse(answer.header("Retry-After"), client.clock().instant());
        if (retryAfter != null) {
            // Capped before the pacer sees it too: it pauses every worker of a batch for this long.
            retryAfter = min(retryAfter, settings.retryAfterCap());
        }
        if (answer.status() == 429) {
            pacer.throttled(retryAfter);
        } else {
            pacer.answered();
        }
        return retryAfter;
    }

    /** Waits and returns null when another attempt is due; otherwise returns the final reason. */
    String retryOrStop(String reason, Duration retryAfter) throws InterruptedException {
        retryableFailures++;
        if (retryableFailures >= maxAttempts) {
            return attempts == 1 ? reason : reason + " after " + attempts + " attempts";
        }
        if (stopping.getAsBoolean()) {
            return reason + NOT_RETRIED;
        }
        Duration delay = retryAfter != null
                ? min(retryAfter, settings.retryAfterCap())
                : client.backoff().delay(retryableFailures);
        Instant now = client.clock().instant();
        if (!now.plus(delay).isBefore(deadlineAt)) {
            return reason + "; stopped after " + attempts + " attempts: the "
                    + settings.deadline().toSeconds() + " s deadline would pass before the next one";
        }
        // The reason may carry server text: the log line passes the run's redactor like the progress line.
        String message = client.redactor()
                .redact("retrying " + what + " in " + seconds(delay) + ": " + reason + " (attempt " + attempts + " of "
                        + maxAttempts + " failed)");
        LOG.log(Level.FINE, message);
        client.progress().accept(message);
        client.sleeper().sleep(delay);
        if (stopping.getAsBoolean()) {
            return reason + NOT_RETRIED; // the stop cut the wait short
        }
        return null;
    }

    int attempts() {
        return attempts;
    }

    Duration elapsed() {
        return Duration.between(start, client.clock().instant());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
