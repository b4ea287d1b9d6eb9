package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * An IAM token ({@code X-Auth-Token}). Validated before any request is built, because okhttp's own header check
 * throws an exception whose message holds the whole header value. {@link #toString()} never shows it.
 */
public final class Token {
    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 2 * 1024 * 1024;

    private final String value;

    private Token(String value) {
        this.value = value;
    }

    /**
     * Trims surrounding whitespace (a pasted token often ends with a newline), then requires 32 characters to 2 MiB
     * of printable ASCII. Error messages name the problem, never the value.
     */
    public static Token of(String raw) {
        if (raw == null) {
            throw new InvalidInputException("Token is missing.");
        }
        String trimmed = raw.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new InvalidInputException("Token is invalid: it must be at least " + MIN_LENGTH
                    + " characters long (" + trimmed.length() + " given). An IAM token is the X-Subject-Token"
                    + " header of POST /v3/auth/tokens.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException("Token is invalid: it must be at most " + MAX_LENGTH + " characters long ("
                    + trimmed.length() + " given).");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidInputException("Token is invalid: it must be printable ASCII without spaces or line"
                        + " breaks (character " + (i + 1) + " of " + trimmed.length() + " is not).");
            }
        }
        return new Token(trimmed);
    }

    /** The header value. Package-private: only the request builder and IAM code may see it. */
    String value() {
        return value;
    }

    /** Whether this token is the same as another, without exposing either. */
    boolean sameAs(Token other) {
        return other != null && value.equals(other.value);
    }

    @Override
    public String toString() {
        return "Token[redacted, " + value.length() + " chars]";
    }
}
