package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * How a run authenticates: an IAM token source or an AK/SK source, exactly one. Both live only in memory: nothing
 * here is ever stored with a build, a job or a file.
 */
public record Authentication(TokenSource tokens, AccessKeySource accessKeys) {

    public Authentication {
        if ((tokens == null) == (accessKeys == null)) {
            throw new IllegalArgumentException("give either a token source or access keys, not both or neither");
        }
    }

    public static Authentication of(TokenSource tokens) {
        return new Authentication(tokens, null);
    }

    public static Authentication of(AccessKeySource accessKeys) {
        return new Authentication(null, accessKeys);
    }

    /** Sets this credential on a client builder. */
    public CsmsClient.Builder applyTo(CsmsClient.Builder builder) {
        return tokens != null ? builder.tokenSource(tokens) : builder.accessKeys(accessKeys);
    }

    /** Registers every secret the source holds (and, for an agency, every temporary key it obtains later). */
    void registerSecretsWith(SecretRedactor redactor) {
        if (tokens != null) {
            tokens.registerSecretsWith(redactor);
        } else {
            accessKeys.registerSecretsWith(redactor);
        }
    }
}
