package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spaces requests evenly at a target rate shared by all threads of a batch. A 429 halves the rate and pauses the
 * whole batch for the Retry-After, because the limit is per user, not per request; each normal answer then wins
 * back a twentieth of the target rate.
 */
final class RatePacer implements Pacer {
    private final double targetPerSecond;
    private final double floorPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicInteger throttles = new AtomicInteger();

    private double currentPerSecond;
    private Instant nextSlot;

    RatePacer(double targetPerSecond, Clock clock, Sleeper sleeper) {
        this.targetPerSecond = targetPerSecond;
        this.floorPerSecond = Math.min(targetPerSecond, 0.5);
        this.currentPerSecond = targetPerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextSlot = clock.instant();
    }

    @Override
    public void beforeRequest() throws InterruptedException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
            nextSlot = slot.plus(interval());
            wait = Duration.between(now, slot);
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    @Override
    public synchronized void throttled(Duration retryAfter) {
        throttles.incrementAndGet();
        currentPerSecond = Math.max(floorPerSecond, currentPerSecond / 2);
        Instant resume = clock.instant().plus(retryAfter != null ? retryAfter : interval());
        if (resume.isAfter(nextSlot)) {
            nextSlot = resume;
        }
    }

    @Override
    public synchronized void answered() {
        currentPerSecond = Math.min(targetPerSecond, currentPerSecond + targetPerSecond / 20);
    }

    synchronized double currentPerSecond() {
        return currentPerSecond;
    }

    int throttles() {
        return throttles.get();
    }

    private Duration interval() {
        return Duration.ofNanos((long) (1_000_000_000L / currentPerSecond));
    }
}
