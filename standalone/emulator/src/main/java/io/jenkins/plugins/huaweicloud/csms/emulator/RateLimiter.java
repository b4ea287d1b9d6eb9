package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.time.Clock;

/**
 * Fixed one-second window over all {@code /v1} requests, like the gateway's "limit:20, time:1
 * second" policy. The window follows the injected clock, so tests can step it instead of sleeping.
 */
final class RateLimiter {
    private final Clock clock;
    private int limit;
    private long windowSecond = Long.MIN_VALUE;
    private int usedInWindow;

    RateLimiter(Clock clock, int limit) {
        this.clock = clock;
        limit(limit);
    }

    synchronized void limit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate limit must be >= 0: " + perSecond);
        }
        this.limit = perSecond;
    }

    synchronized int limit() {
        return limit;
    }

    /** Counts one request; {@code false} when it exceeds the limit of the current window. */
    synchronized boolean tryAcquire() {
        if (limit == 0) {
            return true;
        }
        long second = Math.floorDiv(clock.millis(), 1000L);
        if (second != windowSecond) {
            windowSecond = second;
            usedInWindow = 0;
        }
        if (usedInWindow >= limit) {
            return false;
        }
        usedInWindow++;
        return true;
    }
}
