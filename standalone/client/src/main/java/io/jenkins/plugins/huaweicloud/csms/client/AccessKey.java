package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * A Huawei Cloud access key pair (AK/SK), long-term or temporary (then with its security token). Validated before
 * any request is built; no error message and no {@link #toString()} ever shows the secret key or the security
 * token, and the access key id is not shown either (a pasted pair is easily swapped).
 */
public final class AccessKey {
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_SECRET_LENGTH = 256;

    private final String id;
    private final String secret;
    private final String securityToken;

    private AccessKey(String id, String secret, String securityToken) {
        this.id = id;
        this.secret = secret;
        this.securityToken = securityToken;
    }

    /** A long-term pair: access key id (AK) and secret access key (SK); surrounding whitespace is trimmed. */
    public static AccessKey of(String accessKeyId, String secretKey) {
        return new AccessKey(checkId(accessKeyId), checkSecret(secretKey), null);
    }

    /** A temporary pair with its security token ({@code X-Security-Token}), as IAM's securitytokens API issues. */
    public static AccessKey temporary(String accessKeyId, String secretKey, String securityToken) {
        return new AccessKey(checkId(accessKeyId), checkSecret(secretKey), checkSecurityToken(securityToken));
    }

    private static String checkId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("Access key id (AK) is missing.");
        }
        String v = raw.strip();
        if (v.length() > MAX_ID_LENGTH || !v.chars().allMatch(AccessKey::isLetterOrDigit)) {
            throw new InvalidInputException("Access key id (AK) is invalid: it must be 1 to " + MAX_ID_LENGTH
                    + " ASCII letters and digits (" + v.length() + " characters given). It is the 'Access Key Id'"
                    + " column of the credentials.csv the console downloads.");
        }
        return v;
    }

    private static String checkSecret(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("Secret access key (SK) is missing.");
        }
        String v = raw.strip();
        if (v.length() > MAX_SECRET_LENGTH || !printable(v)) {
            throw new InvalidInputException("Secret access key (SK) is invalid: it must be 1 to " + MAX_SECRET_LENGTH
                    + " printable ASCII characters without spaces (" + v.length() + " characters given).");
        }
        return v;
    }

    private static String checkSecurityToken(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(
                    "Security token is missing: temporary access keys need the security" + " token issued with them.");
        }
        String v = raw.strip();
        if (v.length() > Token.MAX_LENGTH || !printable(v)) {
            throw new InvalidInputException("Security token is invalid: it must be printable ASCII without spaces or"
                    + " line breaks, at most " + Token.MAX_LENGTH + " characters (" + v.length() + " given).");
        }
        return v;
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean printable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The access key id (AK). Package-private like the rest: only the signer sends it. */
    String id() {
        return id;
    }

    String secret() {
        return secret;
    }

    /** The security token of a temporary pair, or null for a long-term one. */
    String securityToken() {
        return securityToken;
    }

    public boolean isTemporary() {
        return securityToken != null;
    }

    /** Registers the secret key and the security token (the access key id is not a secret). */
    void registerWith(SecretRedactor redactor) {
        redactor.register(secret);
        redactor.register(securityToken);
    }

    /** Whether this is the same pair as another, without exposing either. */
    boolean sameAs(AccessKey other) {
        return other != null && id.equals(other.id) && secret.equals(other.secret);
    }

    @Override
    public String toString() {
        return isTemporary() ? "AccessKey[temporary, redacted]" : "AccessKey[redacted]";
    }
}
