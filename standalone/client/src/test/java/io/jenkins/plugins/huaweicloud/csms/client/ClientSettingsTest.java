package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSettingsTest {
    /** The documented defaults (ARCHITECTURE.md "Default status policy"): a change here is a change of behaviour. */
    @Test
    void defaultsAreTheDocumentedOnes() {
        ClientSettings s = ClientSettings.defaults();
        assertThat(s.attempts()).isEqualTo(3);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.backoffBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.backoffCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.maxErrorBodyBytes()).isEqualTo(64 * 1024);
        assertThat(s.policy()).isEqualTo(StatusPolicy.defaults());
        assertThat(ClientSettings.builder().build().toString()).isEqualTo(s.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void refusesAttemptsOutsideOneToTen(int attempts) {
        assertThatThrownBy(() -> ClientSettings.builder().attempts(attempts))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Attempts " + attempts)
                .hasMessageContaining("from 1 to 10");
    }

    @Test
    void acceptsOneAndTenAttempts() {
        assertThat(ClientSettings.builder().attempts(1).build().attempts()).isEqualTo(1);
        assertThat(ClientSettings.builder().attempts(10).build().attempts()).isEqualTo(10);
    }

    static Stream<Arguments> positiveDurations() {
        return Stream.of(
                Arguments.of("Connect timeout", (BiConsumer<ClientSettings.Builder, Duration>)
                        ClientSettings.Builder::connectTimeout),
                Arguments.of("Read timeout", (BiConsumer<ClientSettings.Builder, Duration>)
                        ClientSettings.Builder::readTimeout),
                Arguments.of("Call timeout", (BiConsumer<ClientSettings.Builder, Duration>)
                        ClientSettings.Builder::callTimeout),
                Arguments.of(
                        "Deadline", (BiConsumer<ClientSettings.Builder, Duration>) ClientSettings.Builder::deadline));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveDurations")
    void refusesZeroNegativeAndMissingTimeouts(String what, BiConsumer<ClientSettings.Builder, Duration> set) {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), null, Duration.ofDays(1)}) {
            assertThatThrownBy(() -> set.accept(ClientSettings.builder(), d))
                    .as("%s %s", what, d)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(what + " ")
                    .hasMessageContaining("more than 0 and at most");
        }
        set.accept(ClientSettings.builder(), Duration.ofMillis(1)); // the smallest positive value is fine
    }

    @Test
    void backoffAndRetryAfterCapsMayBeZeroButNotNegative() {
        ClientSettings s = ClientSettings.builder()
                .backoffBase(Duration.ZERO)
                .backoffCap(Duration.ZERO)
                .retryAfterCap(Duration.ZERO)
                .build();
        assertThat(s.backoffBase()).isZero();
        assertThat(s.backoffCap()).isZero();
        assertThat(s.retryAfterCap()).isZero();
        assertThatThrownBy(() -> ClientSettings.builder().backoffBase(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Backoff base")
                .hasMessageContaining("from 0 to 3600 seconds");
        assertThatThrownBy(() -> ClientSettings.builder().backoffCap(Duration.ofHours(2)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Backoff cap")
                .hasMessageContaining("from 0 to 3600 seconds");
        assertThatThrownBy(() -> ClientSettings.builder().retryAfterCap(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Retry-After cap");
    }

    @Test
    void errorBodyLimitIsBetweenOneKibibyteAndSixteenMebibytes() {
        assertThat(ClientSettings.builder().maxErrorBodyBytes(1024).build().maxErrorBodyBytes())
                .isEqualTo(1024);
        for (int bad : new int[] {1023, 0, 16 * 1024 * 1024 + 1}) {
            assertThatThrownBy(() -> ClientSettings.builder().maxErrorBodyBytes(bad))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("from 1024 bytes to 16 MiB");
        }
    }

    @Test
    void toBuilderRoundTripKeepsEverySettingAndLeavesTheOriginalAlone() {
        StatusPolicy policy = StatusPolicy.builder()
                .outcome(ResultKind.THROTTLED, Outcome.FAILURE)
                .build();
        ClientSettings custom = ClientSettings.builder()
                .attempts(5)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(4))
                .backoffBase(Duration.ofMillis(250))
                .backoffCap(Duration.ofSeconds(8))
                .retryAfterCap(Duration.ofSeconds(9))
                .deadline(Duration.ofMinutes(1))
                .maxErrorBodyBytes(2048)
                .policy(policy)
                .build();
        ClientSettings copy = custom.toBuilder().build();
        assertThat(copy).usingRecursiveComparison().isEqualTo(custom);
        assertThat(copy.maxErrorBodyBytes()).isEqualTo(2048);
        assertThat(copy.policy()).isEqualTo(policy);

        ClientSettings changed = custom.toBuilder().attempts(1).build();
        assertThat(changed.attempts()).isEqualTo(1);
        assertThat(custom.attempts()).isEqualTo(5);
    }

    @Test
    void ifMissingChangesOnlyThatRowOfTheCurrentPolicy() {
        StatusPolicy strict = StatusPolicy.builder()
                .outcome(ResultKind.THROTTLED, Outcome.FAILURE)
                .build();
        ClientSettings s = ClientSettings.builder()
                .policy(strict)
                .ifMissing(Outcome.SUCCESS)
                .build();
        assertThat(s.policy().ifMissing()).isEqualTo(Outcome.SUCCESS);
        assertThat(s.policy().outcomeFor(ResultKind.THROTTLED)).isEqualTo(Outcome.FAILURE);
        assertThat(s.policy())
                .isEqualTo(strict.toBuilder().ifMissing(Outcome.SUCCESS).build());
        assertThat(strict.ifMissing()).isEqualTo(Outcome.UNSTABLE);
        assertThat(ClientSettings.defaults().policy().ifMissing()).isEqualTo(Outcome.UNSTABLE);
        assertThatThrownBy(() -> ClientSettings.builder().policy(null)).isInstanceOf(NullPointerException.class);
    }
}
