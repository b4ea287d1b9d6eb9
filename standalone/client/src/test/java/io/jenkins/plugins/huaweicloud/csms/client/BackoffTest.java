package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /**
     * Full jitter: every delay lies in [0, min(cap, base * 2^(n-1))], computed here without shifts or overflow.
     * Caps range over what {@link ClientSettings} accepts (0 to 1 hour).
     */
    @Property(tries = 300)
    void delayIsAlwaysWithinTheCeiling(
            @ForAll @IntRange(min = 1, max = 100) int retry,
            @ForAll long seed,
            @ForAll @LongRange(min = 0, max = 60_000) long baseMillis,
            @ForAll @LongRange(min = 0, max = 3_600_000) long capMillis) {
        Backoff backoff =
                new Backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis), new SplittableRandom(seed));
        long expectedCeiling = BigInteger.valueOf(baseMillis)
                .shiftLeft(retry - 1)
                .min(BigInteger.valueOf(capMillis))
                .longValueExact();

        assertThat(backoff.ceilingMillis(retry)).isEqualTo(expectedCeiling);
        for (int i = 0; i < 5; i++) {
            Duration d = backoff.delay(retry);
            assertThat(d.toMillis()).isBetween(0L, expectedCeiling);
            assertThat(d.isNegative()).isFalse();
        }
    }

    @Test
    void ceilingDoublesThenStaysAtTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(1));
        assertThat(IntStream.rangeClosed(1, 8).mapToLong(backoff::ceilingMillis).toArray())
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        assertThat(backoff.ceilingMillis(Integer.MAX_VALUE)).isEqualTo(30_000);
        // a retry number below 1 is treated as the first retry
        assertThat(backoff.ceilingMillis(0)).isEqualTo(1_000);
    }

    @Test
    void zeroBaseOrZeroCapNeverWaits() {
        Backoff zeroBase = new Backoff(Duration.ZERO, Duration.ofSeconds(30), new SplittableRandom(7));
        Backoff zeroCap = new Backoff(Duration.ofSeconds(1), Duration.ZERO, new SplittableRandom(7));
        for (int retry = 1; retry <= 40; retry++) {
            assertThat(zeroBase.delay(retry)).isEqualTo(Duration.ZERO);
            assertThat(zeroCap.delay(retry)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void aSeededRandomGivesTheSameDelaysAndTheyReallyAreJittered() {
        List<Duration> first = delays(42);
        assertThat(delays(42)).isEqualTo(first);
        assertThat(delays(43)).isNotEqualTo(first);

        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(42));
        long[] atCap = IntStream.range(0, 200)
                .mapToLong(i -> backoff.delay(10).toMillis())
                .toArray();
        assertThat(Arrays.stream(atCap)).allMatch(ms -> ms >= 0 && ms <= 30_000);
        assertThat(Arrays.stream(atCap).min().getAsLong()).isLessThan(7_500);
        assertThat(Arrays.stream(atCap).max().getAsLong()).isGreaterThan(22_500);
    }

    private static List<Duration> delays(long seed) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(seed));
        List<Duration> out = new ArrayList<>();
        for (int retry = 1; retry <= 10; retry++) {
            out.add(backoff.delay(retry));
        }
        return out;
    }
}
