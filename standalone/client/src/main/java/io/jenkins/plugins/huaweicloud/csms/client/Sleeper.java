package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;

/** Waits between attempts. Injectable so tests never really sleep; an interrupt ends the wait at once. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
