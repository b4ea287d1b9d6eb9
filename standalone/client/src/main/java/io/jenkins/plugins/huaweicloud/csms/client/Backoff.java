package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^(retry-1))]. */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration delay(int retry) {
        long ceiling = ceilingMillis(retry);
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    long ceilingMillis(int retry) {
        long baseMillis = base.toMillis();
        long capMillis = cap.toMillis();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long grown = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
        return Math.min(capMillis, grown);
    }
}
