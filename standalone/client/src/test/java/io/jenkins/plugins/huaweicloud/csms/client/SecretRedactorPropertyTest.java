package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The redactor against a naive oracle (every window of the text compared with every window of every secret), on a
 * two-letter alphabet (none of the marker's letters) so that repeated windows, overlapping pieces and near misses are common.
 */
class SecretRedactorPropertyTest {

    record Case(List<String> secrets, String text) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> longSecret =
                Arbitraries.strings().withChars("xy").ofMinLength(24).ofMaxLength(80);
        Arbitrary<String> shortSecret =
                Arbitraries.strings().withChars("xyz").ofMinLength(1).ofMaxLength(23);
        Arbitrary<List<String>> secrets = Arbitraries.oneOf(longSecret, longSecret, shortSecret)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
        return secrets.flatMap(s -> {
            Arbitrary<String> pieces = Arbitraries.of(s).flatMap(secret -> {
                Arbitrary<Integer> from = Arbitraries.integers().between(0, secret.length() - 1);
                return from.flatMap(f ->
                        Arbitraries.integers().between(f + 1, secret.length()).map(t -> secret.substring(f, t)));
            });
            Arbitrary<String> filler = Arbitraries.strings().withChars("xyz-").ofMaxLength(30);
            Arbitrary<String> text =
                    Arbitraries.oneOf(pieces, filler).list().ofMaxSize(8).map(parts -> String.join("", parts));
            return Combinators.combine(Arbitraries.just(s), text).as(Case::new);
        });
    }

    @Property(tries = 2000)
    void redactsExactlyWhatTheOracleFinds(@ForAll("cases") Case c) {
        SecretRedactor r = new SecretRedactor();
        c.secrets().forEach(r::register);

        assertThat(r.redact(c.text())).isEqualTo(oracle(c.secrets(), c.text()));
    }

    @Property(tries = 1000)
    void noPieceOfASecretSurvives(@ForAll("cases") Case c) {
        SecretRedactor r = new SecretRedactor();
        c.secrets().forEach(r::register);

        String out = r.redact(c.text());

        for (String s : c.secrets()) {
            assertThat(out).doesNotContain(s);
            for (int i = 0; i + SecretRedactor.MIN_PIECE <= s.length(); i++) {
                assertThat(out).doesNotContain(s.substring(i, i + SecretRedactor.MIN_PIECE));
            }
        }
        assertThat(r.reveals(out)).isFalse();
    }

    private static String oracle(List<String> secrets, String text) {
        BitSet covered = new BitSet();
        for (String s : secrets) {
            if (s.length() < SecretRedactor.MIN_PIECE) {
                for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
                    covered.set(at, at + s.length());
                }
            } else {
                for (int i = 0; i + SecretRedactor.MIN_PIECE <= text.length(); i++) {
                    if (s.contains(text.substring(i, i + SecretRedactor.MIN_PIECE))) {
                        covered.set(i, i + SecretRedactor.MIN_PIECE);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            if (covered.get(i)) {
                out.append(SecretRedactor.MARKER);
                i = covered.nextClearBit(i);
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
