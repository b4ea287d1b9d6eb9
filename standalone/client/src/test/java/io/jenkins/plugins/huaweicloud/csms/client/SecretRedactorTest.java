package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SecretRedactorTest {
    private static final String TOKEN = "MIIEcQYJKoZIhvcNAQcCoIIEYjCCBF4CAQExDTALBglghkgBZQMEAgEwggLP-Zr9Qm";
    private static final String M = SecretRedactor.MARKER;

    private static SecretRedactor with(String... secrets) {
        SecretRedactor r = new SecretRedactor();
        for (String s : secrets) {
            r.register(s);
        }
        return r;
    }

    @Test
    void theWholeSecretBecomesOneMarker() {
        assertThat(with(TOKEN).redact("Invalid X-Auth-Token: " + TOKEN + "."))
                .isEqualTo("Invalid X-Auth-Token: " + M + ".");
    }

    @Test
    void aPieceOfTwentyFourCharactersOrMoreIsReplacedAndAShorterOneIsNot() {
        SecretRedactor r = with(TOKEN);

        assertThat(r.redact("t=" + TOKEN.substring(0, 32) + "...")).isEqualTo("t=" + M + "...");
        assertThat(r.redact("t=" + TOKEN.substring(10, 34) + "!")).isEqualTo("t=" + M + "!");
        assertThat(r.redact("t=" + TOKEN.substring(10, 33) + "!")).isEqualTo("t=" + TOKEN.substring(10, 33) + "!");
    }

    @Test
    void overlappingAndTouchingPiecesMergeSeparatedOnesDoNot() {
        SecretRedactor r = with(TOKEN);
        String a = TOKEN.substring(0, 30);
        String b = TOKEN.substring(20, 60);

        assertThat(r.redact(a + b)).isEqualTo(M);
        assertThat(r.redact(TOKEN + " and " + TOKEN)).isEqualTo(M + " and " + M);
    }

    @Test
    void shortSecretsAreReplacedWhereTheyOccurWhole() {
        SecretRedactor r = with("hunter2-pw");

        assertThat(r.redact("password hunter2-pw is wrong (hunter2)"))
                .isEqualTo("password " + M + " is wrong (hunter2)");
    }

    @Test
    void everyRegisteredSecretIsReplaced() {
        String minted = "MIIFvgYJKoZIhvcNAQcCoIIFrzCCBasCAQExDTALBglghkgBZQMEAgEwggO0-Xk2Lp";
        SecretRedactor r = with(TOKEN, "Pw-0123456789");
        r.register(minted);

        assertThat(r.redact(TOKEN + "|" + minted + "|Pw-0123456789")).isEqualTo(M + "|" + M + "|" + M);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.reveals("x" + minted.substring(3, 30))).isTrue();
        assertThat(r.reveals("nothing here")).isFalse();
    }

    @Test
    void textWithoutSecretsIsReturnedAsIs() {
        SecretRedactor r = with(TOKEN);
        String text = "The secret does not exist: pr-42-db";

        assertThat(r.redact(text)).isSameAs(text);
        assertThat(r.redact(null)).isNull();
        assertThat(r.redact("")).isEmpty();
        assertThat(new SecretRedactor().redact(TOKEN)).isEqualTo(TOKEN);
    }

    @Test
    void registeringTwiceNullOrEmptyChangesNothing() {
        SecretRedactor r = with(TOKEN, TOKEN, null, "");

        assertThat(r.size()).isEqualTo(1);
        assertThat(r.toString()).doesNotContain(TOKEN.substring(0, 24));
    }

    @Test
    void aRepetitiveSecretKeepsOneIndexEntryPerDistinctWindow() {
        SecretRedactor r = with("q".repeat(100_000));

        assertThat(r.indexBytes()).isEqualTo(16);
        assertThat(r.redact("x" + "q".repeat(23) + "y" + "q".repeat(24) + "z"))
                .isEqualTo("x" + "q".repeat(23) + "y" + M + "z");
    }

    /**
     * A 2 MiB token (the largest {@link Token} accepts) and a 6 MiB text: registration and redaction stay linear,
     * and the index takes 9 bytes per window (18 MiB), not a multiple of the text.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTwoMebibyteTokenStaysLinear() {
        SplittableRandom random = new SplittableRandom(7);
        String token = randomText(random, Token.MAX_LENGTH);
        SecretRedactor r = new SecretRedactor();

        long t0 = System.nanoTime();
        r.register(token);
        long registerMillis = (System.nanoTime() - t0) / 1_000_000;

        String filler = randomText(random, 2 * 1024 * 1024).toLowerCase(java.util.Locale.ROOT);
        String text = "a" + token + "b" + token.substring(1000, 1032) + "c" + filler + "d" + token.substring(5, 28);
        long t1 = System.nanoTime();
        String out = r.redact(text);
        long redactMillis = (System.nanoTime() - t1) / 1_000_000;

        assertThat(out).startsWith("a" + M + "b" + M + "c").endsWith("d" + token.substring(5, 28));
        assertThat(out.length()).isLessThan(filler.length() + 100);
        assertThat(r.indexBytes()).isLessThanOrEqualTo(9L * Token.MAX_LENGTH + 64);
        System.out.printf(
                "2 MiB token: register %d ms, index %d KiB; redact %d KiB of text in %d ms%n",
                registerMillis, r.indexBytes() / 1024, text.length() / 1024, redactMillis);
    }

    static String randomText(SplittableRandom random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }
}
