package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNameTest {
    private static final String ALLOWED_TEXT = "A-Z, a-z, 0-9, '.', '_' or '-'";

    @Test
    void acceptsSixtyFourCharactersOfEveryAllowedKind() {
        String raw = ("Ab9._-" + "x".repeat(58));
        assertThat(raw).hasSize(SecretName.MAX_LENGTH);
        SecretName name = SecretName.of(raw);
        assertThat(name.value()).isEqualTo(raw);
        assertThat(name).hasToString(raw).isEqualTo(SecretName.of(raw));
    }

    @Test
    void ordersByValue() {
        List<SecretName> names = new ArrayList<>(List.of(SecretName.of("b"), SecretName.of("B"), SecretName.of("a")));
        names.sort(null);
        assertThat(names).extracting(SecretName::value).containsExactly("B", "a", "b");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingNameAndSaysWhatIsAllowed(String raw) {
        assertThatThrownBy(() -> SecretName.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("1 to 64 characters of " + ALLOWED_TEXT);
    }

    @Test
    void refusesSixtyFiveCharactersAndSaysHowManyWereGiven() {
        assertThatThrownBy(() -> SecretName.of("n".repeat(65)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 to 64 characters of " + ALLOWED_TEXT)
                .hasMessageContaining("65 characters given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.db-password", ".hidden", "trailing.", "a..b", "...x", "v1.2.3", "x."})
    void acceptsPeriodsAnywhereInANameThatIsNotOnlyPeriods(String raw) {
        assertThat(SecretName.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "................................................................"})
    void refusesNamesMadeOnlyOfPeriodsBecauseTheyAreDotSegments(String raw) {
        assertThatThrownBy(() -> SecretName.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 to 64 characters of " + ALLOWED_TEXT)
                .hasMessageContaining("not only periods");
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("a/b", "'/'"),
                Arguments.of("a%2Fb", "'%'"),
                Arguments.of("q?x", "'?'"),
                Arguments.of("h#x", "'#'"),
                Arguments.of("my secret", "the character U+0020"),
                Arguments.of("line\nbreak", "the character U+000A"),
                Arguments.of("nul\u0000x", "the character U+0000"),
                Arguments.of("p\u0430ssword", "the character U+0430"), // Cyrillic small a
                Arguments.of("\uFF21PI-KEY", "the character U+FF21")); // fullwidth A
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("forbidden")
    void refusesAnythingOutsideTheSchemaAndNamesTheCharacter(String raw, String named) {
        assertThatThrownBy(() -> SecretName.of(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 to 64 characters of " + ALLOWED_TEXT)
                .hasMessageContaining("it contains " + named)
                // the value is quoted with escapes: no raw control or non-ASCII character can reach a log line
                .satisfies(e -> assertThat(e.getMessage().chars()).allMatch(c -> c >= 0x20 && c < 0x7f));
    }
}
