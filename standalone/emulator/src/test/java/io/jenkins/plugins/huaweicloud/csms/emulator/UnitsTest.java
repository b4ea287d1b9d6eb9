package io.jenkins.plugins.huaweicloud.csms.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts on their own, without HTTP. */
class UnitsTest {

    @Test
    void randomLatencyIsSeededAndBounded() {
        FaultPlan a = new FaultPlan();
        FaultPlan b = new FaultPlan();
        a.latency(Duration.ofMillis(50));
        b.latency(Duration.ofMillis(50));
        a.randomLatency(Duration.ofMillis(10), 99);
        b.randomLatency(Duration.ofMillis(10), 99);

        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            first.add(a.nextDelay());
            second.add(b.nextDelay());
        }

        assertThat(first).isEqualTo(second);
        assertThat(first).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(50), Duration.ofMillis(60)));
        assertThat(first).contains(Duration.ofMillis(50), Duration.ofMillis(60));
    }

    @Test
    void rateLimiterUsesFixedWindowsOfTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.900Z"));
        RateLimiter limiter = new RateLimiter(clock, 2);

        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(100)); // next second begins
        assertThat(limiter.tryAcquire()).isTrue();
        limiter.limit(0);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
    }

    @Test
    void faultDescribesItselfAndDefaultsItsCode() {
        Fault f = Fault.status(429).retryAfter(2).onlyFor("delete");

        assertThat(f.effectiveErrorCode()).isEqualTo("APIG.0308");
        assertThat(f.method()).isEqualTo("DELETE");
        assertThat(f.toString()).isEqualTo("Fault[STATUS 429 retryAfter=2 only DELETE]");
        assertThat(Fault.status(404).effectiveErrorCode()).isEqualTo("CSMS.0005");
        assertThat(Fault.status(500).effectiveErrorCode()).isEqualTo("CSMS.0500");
    }

    @Test
    void iamTimeFormatHasMicrosecondsAndZ() {
        assertThat(TokenStore.IAM_TIME.format(Instant.parse("2026-11-30T15:06:31Z")))
                .isEqualTo("2026-11-30T15:06:31.000000Z");
    }

    @Test
    void queryParsingDecodesAndKeepsFirstValue() {
        assertThat(Query.parse("limit=5&marker=a%2Db&limit=7&flag"))
                .containsEntry("limit", "5")
                .containsEntry("marker", "a-b")
                .containsEntry("flag", "");
    }
}
