package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatePacerTest {
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private List<Instant> sendTimes(RatePacer pacer, int n) throws InterruptedException {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pacer.beforeRequest();
            times.add(clock.instant());
        }
        return times;
    }

    @Test
    void requestsAreSpacedEvenlyAtTheTargetRate() throws Exception {
        RatePacer pacer = new RatePacer(10, clock, sleeper);

        List<Instant> times = sendTimes(pacer, 11);

        assertThat(Duration.between(times.get(0), times.get(10))).isEqualTo(Duration.ofSeconds(1));
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void theFirstRequestDoesNotWait() throws Exception {
        new RatePacer(2, clock, sleeper).beforeRequest();
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void idleTimeIsNotSavedUpIntoABurst() throws Exception {
        RatePacer pacer = new RatePacer(10, clock, sleeper);
        pacer.beforeRequest();
        clock.advance(Duration.ofSeconds(10));

        List<Instant> times = sendTimes(pacer, 3);

        assertThat(Duration.between(times.get(0), times.get(2))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aThrottleHalvesTheRateAndPausesForRetryAfter() throws Exception {
        RatePacer pacer = new RatePacer(10, clock, sleeper);
        pacer.beforeRequest();
        Instant throttledAt = clock.instant();

        pacer.throttled(Duration.ofSeconds(2));
        List<Instant> times = sendTimes(pacer, 2);

        assertThat(pacer.currentPerSecond()).isEqualTo(5.0);
        assertThat(times.get(0)).isEqualTo(throttledAt.plusSeconds(2));
        assertThat(Duration.between(times.get(0), times.get(1))).isEqualTo(Duration.ofMillis(200));
        assertThat(pacer.throttles()).isEqualTo(1);
    }

    @Test
    void normalAnswersWinTheRateBackButNeverAboveTheTarget() {
        RatePacer pacer = new RatePacer(10, clock, sleeper);
        pacer.throttled(null);
        pacer.throttled(null);
        assertThat(pacer.currentPerSecond()).isEqualTo(2.5);

        pacer.answered();
        assertThat(pacer.currentPerSecond()).isEqualTo(3.0);
        for (int i = 0; i < 100; i++) {
            pacer.answered();
        }
        assertThat(pacer.currentPerSecond()).isEqualTo(10.0);
    }

    @Test
    void repeatedThrottlesStopAtAFloor() {
        RatePacer pacer = new RatePacer(10, clock, sleeper);
        for (int i = 0; i < 50; i++) {
            pacer.throttled(null);
        }
        assertThat(pacer.currentPerSecond()).isEqualTo(0.5);
    }
}
