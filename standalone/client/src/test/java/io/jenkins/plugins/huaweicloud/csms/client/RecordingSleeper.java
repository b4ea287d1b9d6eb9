package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each wait and moves the fake clock instead of sleeping. */
final class RecordingSleeper implements Sleeper {
    private final FakeClock clock;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }
}
