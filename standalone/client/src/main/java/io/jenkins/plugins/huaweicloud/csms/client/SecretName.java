package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.regex.Pattern;

/**
 * A CSMS secret name as the DEW console allows it: 1 to 64 of {@code A-Z a-z 0-9 . _ -} (the API schema omits the
 * period, the console and the service accept it), except a name made only of periods: {@code .} and {@code ..} are
 * path dot-segments that would name another resource.
 */
public final class SecretName implements Comparable<SecretName> {
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9._-]{1,64}");
    private static final Pattern ONLY_PERIODS = Pattern.compile("\\.+");

    private final String value;

    private SecretName(String value) {
        this.value = value;
    }

    /** What a name may hold, as said in every refusal. */
    public static final String ALLOWED_TEXT = "A-Z, a-z, 0-9, '.', '_' or '-'";

    /**
     * Validates a secret name. Anything else (slashes, percent signs, spaces, non-ASCII look-alikes, names made only
     * of periods) is refused rather than encoded, so the request can only ever name the secret that was meant.
     */
    public static SecretName of(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("Secret name is missing: give 1 to 64 characters of " + ALLOWED_TEXT + ".");
        }
        if (!ALLOWED.matcher(raw).matches()) {
            String why = raw.length() > MAX_LENGTH
                    ? raw.length() + " characters given"
                    : "it contains " + firstForbidden(raw);
            throw new InvalidInputException("Secret name " + LogText.quote(raw)
                    + " is invalid: it must be 1 to 64 characters of " + ALLOWED_TEXT + " (" + why + ").");
        }
        if (ONLY_PERIODS.matcher(raw).matches()) {
            throw new InvalidInputException("Secret name " + LogText.quote(raw)
                    + " is invalid: it must be 1 to 64 characters of " + ALLOWED_TEXT
                    + ", not only periods (it would be a path dot-segment).");
        }
        return new SecretName(raw);
    }

    private static String firstForbidden(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("the character U+%04X", (int) c);
            }
        }
        return "a character that is not allowed";
    }

    public String value() {
        return value;
    }

    @Override
    public int compareTo(SecretName other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretName other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
