package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTextTest {
    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'a\\nb\\r\\nc\\td' | 'a b c d' | line breaks and tabs",
                "'  \\n run   of \\n\\n  spaces \\u0000 ' | 'run of spaces' | runs collapse, ends stripped",
                "'abc\\u202Egnp.exe' | 'abc gnp.exe' | bidi override U+202E",
                "'zero\\u200Bwidth\\u2028sep\\u0085nel' | 'zero width sep nel' | format and separator characters",
                "'esc\\u001b[31mred\\u007f' | 'esc [31mred' | ESC and DEL",
                "'caf\\u00e9 \\uD83D\\uDE00 ok' | 'caf\\u00e9 \\uD83D\\uDE00 ok' | printable non-ASCII is kept"
            })
    void cleanReplacesControlAndFormatCharacters(String escapedIn, String escapedOut, String what) {
        assertThat(LogText.clean(unescape(escapedIn))).isEqualTo(unescape(escapedOut));
    }

    @Test
    void cleanCapsTheLengthWithAnEllipsis() {
        assertThat(LogText.clean(null)).isNull();
        assertThat(LogText.clean("y".repeat(LogText.MAX_LENGTH))).isEqualTo("y".repeat(LogText.MAX_LENGTH));
        assertThat(LogText.clean("y".repeat(LogText.MAX_LENGTH + 1)))
                .isEqualTo("y".repeat(LogText.MAX_LENGTH - 1) + "…");
        assertThat(LogText.clean("0123456789", 10)).isEqualTo("0123456789");
        assertThat(LogText.clean("0123456789A", 10)).isEqualTo("012345678…");
        // only the kept text counts: a long run of control characters does not use up the budget
        assertThat(LogText.clean("ab" + "\u0000".repeat(5_000) + "cd", 10)).isEqualTo("ab cd");
    }

    @Test
    void cleanNeverSplitsASurrogatePair() {
        String cleaned = LogText.clean("a".repeat(LogText.MAX_LENGTH - 2) + "\uD83D\uDE00\uD83D\uDE00");
        assertThat(cleaned).endsWith("…");
        assertThat(cleaned.chars()).noneMatch(c -> Character.isSurrogate((char) (int) c));
    }

    @Test
    void quoteEscapesEverythingOutsidePrintableAscii() {
        assertThat(LogText.quote(null)).isEqualTo("(none)");
        assertThat(LogText.quote("plain-name")).isEqualTo("'plain-name'");
        assertThat(LogText.quote("a\nb\u0000c")).isEqualTo("'a\\u000ab\\u0000c'");
        assertThat(LogText.quote("x\u202Ey\u0430")).isEqualTo("'x\\u202ey\\u0430'");
    }

    @Test
    void quoteShowsAtMostEightyCharacters() {
        String q = LogText.quote("k".repeat(81));
        assertThat(q).isEqualTo("'" + "k".repeat(80) + "...'");
        assertThat(LogText.quote("k".repeat(80))).isEqualTo("'" + "k".repeat(80) + "'");
    }

    /** Turns the \n, \r, \t and \\uXXXX escapes of the CSV rows into the characters they name. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
