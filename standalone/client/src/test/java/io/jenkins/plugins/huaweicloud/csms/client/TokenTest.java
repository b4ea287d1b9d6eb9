package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTest {
    // A distinctive 40-character value, so "the message never contains it" can really fail.
    private static final String VALUE = "MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTAL";

    @Test
    void trimsTheTrailingNewlineOfAPastedToken() {
        Token token = Token.of(VALUE + "\r\n");
        assertThat(token.value()).isEqualTo(VALUE);
        assertThat(token.sameAs(Token.of("  " + VALUE))).isTrue();
        assertThat(token.sameAs(Token.of(VALUE + "x"))).isFalse();
        assertThat(token.sameAs(null)).isFalse();
    }

    @Test
    void refusesThirtyOneCharactersWithoutShowingThem() {
        String raw = VALUE.substring(0, 31);
        assertThatThrownBy(() -> Token.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageContaining("(31 given)")
                .hasMessageNotContaining(raw);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Token.of(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", " ", "\u0430"})
    void refusesNonPrintableOrNonAsciiCharactersInsideWithoutShowingTheValue(String bad) {
        String raw = VALUE.substring(0, 20) + bad + VALUE.substring(20);
        assertThatThrownBy(() -> Token.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("printable ASCII without spaces or line breaks")
                .hasMessageContaining("character 21 of")
                .hasMessageNotContaining(VALUE.substring(0, 20))
                .hasMessageNotContaining(VALUE.substring(20));
    }

    @Test
    void acceptsExactlyTwoMebibytes() {
        String raw = "A".repeat(Token.MAX_LENGTH);
        assertThat(raw).hasSize(2_097_152);
        Token token = Token.of(raw + "\n");
        assertThat(token.value()).hasSize(2_097_152);
    }

    @Test
    void refusesTwoMebibytesPlusOneWithoutShowingTheValue() {
        String raw = "Zq".repeat(Token.MAX_LENGTH / 2) + "Z";
        assertThat(raw).hasSize(2_097_153);
        assertThatThrownBy(() -> Token.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 2097152 characters")
                .hasMessageContaining("(2097153 given)")
                .hasMessageNotContaining("ZqZq");
    }

    @Test
    void toStringNeverShowsTheValue() {
        Token token = Token.of(VALUE);
        assertThat(token.toString())
                .doesNotContain(VALUE)
                .doesNotContain(VALUE.substring(0, 8))
                .contains("redacted")
                .contains("40 chars");
    }
}
