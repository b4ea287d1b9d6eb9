package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Objects;
import okhttp3.Request;

/** {@code X-Auth-Token} from a {@link TokenSource}. */
final class TokenAuthenticator implements RequestAuthenticator {
    private final TokenSource tokens;
    private final SecretRedactor redactor;

    TokenAuthenticator(TokenSource tokens, SecretRedactor redactor) {
        this.tokens = Objects.requireNonNull(tokens, "tokenSource");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        tokens.registerSecretsWith(redactor);
    }

    @Override
    public Authenticated authenticate(Request request, ProjectId project) throws TokenException, InterruptedException {
        Token token = tokens.token();
        // A token minted during the run is known before it is sent, so any echo of it is redacted.
        redactor.register(token.value());
        return new Authenticated(
                request.newBuilder().header("X-Auth-Token", token.value()).build(), token);
    }

    @Override
    public boolean retryAfterRejection(Authenticated rejected) {
        return tokens.refreshAfterRejection((Token) rejected.credential());
    }

    @Override
    public String refusedWhat() {
        return "the token";
    }

    @Override
    public String unauthorizedReason(boolean afterRenewal) {
        return afterRenewal
                ? "not authenticated: CSMS refused a freshly issued token too (HTTP 401)"
                : "not authenticated: CSMS refused the token (HTTP 401); a fixed token cannot be renewed, so"
                        + " give a fresh one or use an IAM user credential";
    }

    @Override
    public String toString() {
        return "TokenAuthenticator[" + tokens + "]";
    }
}
