package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one retry loop of the engine, shared by a secret's deletion and by each page of a listing: every attempt
 * waits for the pacer, is bounded by the deadline, tells the pacer how the service answered, and a retryable fault
 * waits (backoff or the capped {@code Retry-After}) unless attempts or the deadline are used up.
 */
final class RetryLoop {
    private static final Logger LOG = Logger.getLogger(RetryLoop.class.getName());

    private final CsmsClient client;
    private final ClientSettings settings;
    private final Pacer pacer;
    private final int maxAttempts;
    private final String what;
    private final Instant start;
    private final Instant deadlineAt;

    private int attempts;
    private int retryableFailures;

    /**
     * @param maxAttempts attempts in all for retryable faults
     * @param what what is retried, for the progress line ("pr-42-db", "the secret listing")
     */
    RetryLoop(CsmsClient client, Pacer pacer, int maxAttempts, String what) {
        this.client = client;
        this.settings = client.settings();
        this.pacer = pacer;
        this.maxAttempts = maxAttempts;
        this.what = what;
        this.start = client.clock().instant();
        this.deadlineAt = start.plus(settings.deadline());
    }

    /** Counts an attempt and waits for the pacer; returns the attempt's timeout, which never outlives the deadline. */
    Duration beginAttempt() throws InterruptedException {
        attempts++;
        pacer.beforeRequest();
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
        Duration delay = retryAfter != null
                ? min(retryAfter, settings.retryAfterCap())
                : client.backoff().delay(retryableFailures);
        Instant now = client.clock().instant();
        if (!now.plus(delay).isBefore(deadlineAt)) {
            return reason + "; stopped after " + attempts + " attempts: the "
                    + settings.deadline().toSeconds() + " s deadline would pass before the next one";
        }
        String message = "retrying " + what + " in " + seconds(delay) + ": " + reason + " (attempt " + attempts + " of "
                + maxAttempts + " failed)";
        LOG.log(Level.FINE, message);
        client.progress().accept(message);
        client.sleeper().sleep(delay);
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
