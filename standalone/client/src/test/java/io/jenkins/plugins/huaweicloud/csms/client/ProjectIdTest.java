package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectIdTest {
    private static final String HEX32 = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Test
    void acceptsThirtyTwoLowercaseHexCharacters() {
        ProjectId id = ProjectId.of(HEX32);
        assertThat(id.value()).isEqualTo(HEX32);
        assertThat(id).hasToString(HEX32).isEqualTo(ProjectId.of(HEX32)).hasSameHashCodeAs(ProjectId.of(HEX32));
        assertThat(id).isNotEqualTo(ProjectId.of(HEX32.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void acceptsSixtyFourMixedCaseLettersAndDigits() {
        String raw = "AbCdEf0123456789".repeat(4);
        assertThat(raw).hasSize(64);
        assertThat(ProjectId.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingIdAndSaysWhatIsExpected(String raw) {
        assertThatThrownBy(() -> ProjectId.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("32 to 64 letters and digits");
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 65})
    void refusesLengthsOutsideThirtyTwoToSixtyFour(int length) {
        String raw = "a".repeat(length);
        assertThatThrownBy(() -> ProjectId.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 to 64 ASCII letters and digits")
                .hasMessageContaining("(" + length + " characters given)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", // a UUID with dashes
                " 0a1b2c3d4e5f60718293a4b5c6d7e8f9", // surrounding whitespace is not forgiven
                "0a1b2c3d4e5f60718293a4b5c6d7e8f\u0430" // Cyrillic 'а'
            })
    void refusesCharactersOtherThanAsciiLettersAndDigits(String raw) {
        assertThatThrownBy(() -> ProjectId.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 to 64 ASCII letters and digits")
                // the quoted value is escaped, so the message stays one line
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\u0430");
    }
}
