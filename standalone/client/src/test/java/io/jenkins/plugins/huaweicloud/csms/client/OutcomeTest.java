package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Outcome.FAILURE;
import static io.jenkins.plugins.huaweicloud.csms.client.Outcome.SUCCESS;
import static io.jenkins.plugins.huaweicloud.csms.client.Outcome.UNSTABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeTest {
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({"SUCCESS, UNSTABLE, UNSTABLE", "UNSTABLE, FAILURE, FAILURE", "FAILURE, SUCCESS, FAILURE"})
    void worseIsSymmetricAndPicksTheWorse(Outcome a, Outcome b, Outcome expected) {
        assertThat(a.worse(b)).isEqualTo(expected);
        assertThat(b.worse(a)).isEqualTo(expected);
    }

    @Test
    void worstOfABatch() {
        assertThat(Outcome.worstOf(List.of())).isEqualTo(SUCCESS);
        assertThat(Outcome.worstOf(List.of(SUCCESS, SUCCESS))).isEqualTo(SUCCESS);
        assertThat(Outcome.worstOf(List.of(SUCCESS, UNSTABLE, SUCCESS))).isEqualTo(UNSTABLE);
        assertThat(Outcome.worstOf(List.of(FAILURE, UNSTABLE, SUCCESS))).isEqualTo(FAILURE);
    }

    @ParameterizedTest
    @CsvSource({"success, SUCCESS", "'  Unstable ', UNSTABLE", "fAiLuRe, FAILURE"})
    void parsesInAnyCase(String text, Outcome expected) {
        assertThat(Outcome.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"FAIL", "ABORTED"})
    void refusesAnythingElseAndListsTheThree(String text) {
        assertThatThrownBy(() -> Outcome.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SUCCESS, UNSTABLE or FAILURE");
    }
}
