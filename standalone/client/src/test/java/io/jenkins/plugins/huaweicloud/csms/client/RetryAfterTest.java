package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @ParameterizedTest
    @CsvSource({"0, 0", "' 120 ', 120"})
    void readsDelaySeconds(String header, long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void anAbsurdlyLongNumberIsOneDayNotAnOverflow() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void readsAnHttpDateRelativeToTheGivenInstant() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW.plusSeconds(10)))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"soon", "-5", "Wed, 32 Oct 2015 07:28:30 GMT"})
    void garbageGivesNull(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }
}
