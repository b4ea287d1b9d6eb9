package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Objects;

/** Where the {@code X-Auth-Token} comes from: a fixed token, or an IAM exchange that can mint a new one. */
public interface TokenSource {
    /** The token to send now; may call IAM. */
    Token token() throws TokenException, InterruptedException;

    /**
     * CSMS answered 401 to {@code rejected}: forget it. Returns true when a call to {@link #token()} can give a
     * different, fresh token (so one more attempt is worth it).
     */
    boolean refreshAfterRejection(Token rejected);

    /**
     * Registers every secret value this source holds (a fixed token, a password, a secret key, a security token)
     * with a run's redactor, so that a server echoing one back cannot get it into any output. Tokens it mints later
     * are registered by the client as it sends them. The default registers nothing.
     */
    default void registerSecretsWith(SecretRedactor redactor) {}

    /** A token that never changes, such as a Jenkins "Secret text" credential. */
    static TokenSource fixed(Token token) {
        Objects.requireNonNull(token, "token");
        return new TokenSource() {
            @Override
            public Token token() {
                return token;
            }

            @Override
            public boolean refreshAfterRejection(Token rejected) {
                return false;
            }

            @Override
            public void registerSecretsWith(SecretRedactor redactor) {
                redactor.register(token.value());
            }

            @Override
            public String toString() {
                return "TokenSource.fixed(" + token + ")";
            }
        };
    }
}
