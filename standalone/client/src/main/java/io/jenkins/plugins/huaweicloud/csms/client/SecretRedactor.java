package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The secret values one run holds or obtained (tokens, every token minted during the run, the IAM password, secret
 * keys, security tokens), and the one step every piece of server-supplied text passes before it is shown: each
 * occurrence of a secret, and each piece of {@value #MIN_PIECE} or more consecutive characters of one (servers echo
 * prefixes), becomes {@value #MARKER}. Thread-safe; {@link #register} may be called while others redact.
 *
 * <p>Linear in the text, whatever the secrets' size (a token may be 2 MiB): every {@value #MIN_PIECE}-character
 * window of a secret is indexed once by a rolling hash in a sorted {@code long[]} (hash bits above, position bits
 * below, one entry per distinct window), so the text is scanned once with the same rolling hash, a candidate window is
 * confirmed by comparing its characters, and the union of the confirmed windows is exactly the union of all pieces of
 * at least {@value #MIN_PIECE} characters. While an echo goes on, each next window is checked in O(1). The index
 * costs 9 bytes per window of a secret (18 MiB for a 2 MiB token), the bit filter in front of it included. Secrets
 * shorter than {@value #MIN_PIECE} characters are replaced where they occur whole.
 */
public final class SecretRedactor {
    /** What replaces a secret or a piece of one. */
    public static final String MARKER = "[redacted]";
    /** The shortest piece of a secret that is replaced on its own. */
    public static final int MIN_PIECE = 24;

    private static final long BASE = 0x9E3779B97F4A7C15L; // odd: invertible modulo 2^64
    private static final long BASE_POW = pow(BASE, MIN_PIECE - 1);

    private final Set<String> registered = new HashSet<>();
    private volatile Indexed[] longSecrets = new Indexed[0];
    private volatile String[] shortSecrets = new String[0];

    /**
     * Adds a secret value; from now on it is redacted. Registering a value again does nothing; null and empty
     * values are ignored. Costs time and memory linear in the value's length, once.
     */
    public void register(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        synchronized (registered) {
            if (!registered.add(secret)) {
                return;
            }
            if (secret.length() >= MIN_PIECE) {
                Indexed[] next = Arrays.copyOf(longSecrets, longSecrets.length + 1);
                next[next.length - 1] = new Indexed(secret);
                longSecrets = next;
            } else {
                String[] next = Arrays.copyOf(shortSecrets, shortSecrets.length + 1);
                next[next.length - 1] = secret;
                shortSecrets = next;
            }
        }
    }

    /** The text with every secret and every piece of at least {@value #MIN_PIECE} characters of one replaced. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        BitSet covered = covered(text);
        if (covered.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = covered.nextSetBit(i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start).append(MARKER);
            i = covered.nextClearBit(start);
        }
        return out.toString();
    }

    /** Whether the text holds a secret or a piece of one, i.e. {@link #redact} would change it. */
    public boolean reveals(String text) {
        return text != null && !text.isEmpty() && !covered(text).isEmpty();
    }

    /** How many secrets are registered (for tests and diagnostics). */
    public int size() {
        synchronized (registered) {
            return registered.size();
        }
    }

    /** Bytes held by the window index (for tests that keep the memory of a 2 MiB token in check). */
    long indexBytes() {
        long bytes = 0;
        for (Indexed s : longSecrets) {
            bytes += 8L * s.keys.length + 8L * s.filter.length;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "SecretRedactor[" + size() + " secrets]";
    }

    private BitSet covered(String text) {
        BitSet covered = new BitSet(text.length());
        for (String s : shortSecrets) {
            for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
                covered.set(at, at + s.length());
            }
        }
        Indexed[] secrets = longSecrets;
        int n = text.length();
        if (secrets.length == 0 || n < MIN_PIECE) {
            return covered;
        }
        long hash = 0;
        for (int k = 0; k < MIN_PIECE; k++) {
            hash = hash * BASE + text.charAt(k);
        }
        // While a match goes on, the next window is the next window of the same secret when one more character
        // agrees: checked in O(1), so a long echo costs no lookups.
        Indexed matched = null;
        int matchedAt = -1;
        for (int i = 0; ; i++) {
            if (matched != null && matched.continues(text, i, matchedAt + 1)) {
                matchedAt++;
            } else {
                matched = null;
                for (Indexed s : secrets) {
                    int at = s.find(text, i, hash);
                    if (at >= 0) {
                        matched = s;
                        matchedAt = at;
                        break;
                    }
                }
            }
            if (matched != null) {
                covered.set(i, i + MIN_PIECE);
            }
            if (i + MIN_PIECE >= n) {
                return covered;
            }
            hash = (hash - text.charAt(i) * BASE_POW) * BASE + text.charAt(i + MIN_PIECE);
        }
    }

    private static long pow(long base, int exponent) {
        long r = 1;
        for (int i = 0; i < exponent; i++) {
            r *= base;
        }
        return r;
    }

    /**
     * One secret of at least {@value #MIN_PIECE} characters and its windows: each key is the window's hash in the
     * high bits and its position in the low {@code positionBits}, sorted, with one key per distinct window.
     */
    private static final class Indexed {
        private final String secret;
        private final int positionBits;
        private final long[] keys;
        /** One bit per value of the hash's top bits, set for the windows of the secret: most misses stop here. */
        private final long[] filter;

        private final int filterBits;

        Indexed(String secret) {
            this.secret = secret;
            int windows = secret.length() - MIN_PIECE + 1;
            this.positionBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(windows - 1));
            long[] all = new long[windows];
            long hash = 0;
            for (int k = 0; k < MIN_PIECE; k++) {
                hash = hash * BASE + secret.charAt(k);
            }
            for (int i = 0; ; i++) {
                all[i] = key(hash, i);
                if (i + 1 == windows) {
                    break;
                }
                hash = (hash - secret.charAt(i) * BASE_POW) * BASE + secret.charAt(i + MIN_PIECE);
            }
            Arrays.sort(all);
            this.keys = distinct(all);
            // About 8 bits per window (1 byte per character of the secret): 1 in 8 misses goes on to the search.
            this.filterBits = Math.max(6, 64 - Long.numberOfLeadingZeros(8L * keys.length - 1));
            this.filter = new long[1 << (filterBits - 6)];
            for (long key : keys) {
                int bit = (int) (key >>> (64 - filterBits));
                filter[bit >>> 6] |= 1L << bit;
            }
        }

        private long key(long hash, int position) {
            return (hash >>> positionBits << positionBits) | position;
        }

        private int position(long key) {
            return (int) (key & ((1L << positionBits) - 1));
        }

        /**
         * Keeps one key per distinct window: a repetitive secret (say 2 MiB of one letter) then has few keys, and a
         * lookup never walks a long run of keys that all stand for the same characters.
         */
        private long[] distinct(long[] sorted) {
            int kept = 0;
            int runStart = 0;
            for (int i = 0; i < sorted.length; i++) {
                long prefix = sorted[i] >>> positionBits;
                if (i == 0 || prefix != sorted[i - 1] >>> positionBits) {
                    runStart = kept;
                }
                boolean duplicate = false;
                for (int j = runStart; j < kept && !duplicate; j++) {
                    duplicate = secret.regionMatches(position(sorted[i]), secret, position(sorted[j]), MIN_PIECE);
                }
                if (!duplicate) {
                    sorted[kept++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, kept);
        }

        /** Where the secret has the window of the text at {@code at} (whose hash is given), or -1. */
        int find(String text, int at, long hash) {
            int bit = (int) (hash >>> (64 - filterBits));
            if ((filter[bit >>> 6] & (1L << bit)) == 0) {
                return -1;
            }
            long prefix = hash >>> positionBits;
            for (int i = lowerBound(prefix << positionBits);
                    i < keys.length && keys[i] >>> positionBits == prefix;
                    i++) {
                int position = position(keys[i]);
                if (text.regionMatches(at, secret, position, MIN_PIECE)) {
                    return position;
                }
            }
            return -1;
        }

        /** Whether the text's window at {@code at} is the secret's at {@code position}, given the one before was. */
        boolean continues(String text, int at, int position) {
            int last = position + MIN_PIECE - 1;
            return last < secret.length() && text.charAt(at + MIN_PIECE - 1) == secret.charAt(last);
        }

        private int lowerBound(long key) {
            int lo = 0;
            int hi = keys.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
