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
            public String toString() {
                return "TokenSource.fixed(" + token + ")";
            }
        };
    }
}
