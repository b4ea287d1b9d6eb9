package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenException;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;

/**
 * Remembers a refused IAM exchange for the rest of the run, so a batch of N names with a wrong password makes one
 * password attempt, not N (repeated wrong passwords lock the IAM user). A success is cached by the delegate.
 */
final class OneExchangeTokenSource implements TokenSource {
    private final TokenSource delegate;
    private TokenException refused;

    OneExchangeTokenSource(TokenSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Token token() throws TokenException, InterruptedException {
        if (refused != null) {
            throw new TokenException(
                    refused.getMessage() + " (not asked again in this run)", refused.status(), refused.requestId());
        }
        try {
            return delegate.token();
        } catch (TokenException e) {
            refused = e;
            throw e;
        }
    }

    @Override
    public synchronized boolean refreshAfterRejection(Token rejected) {
        return refused == null && delegate.refreshAfterRejection(rejected);
    }

    @Override
    public String toString() {
        return "OneExchange[" + delegate + "]";
    }
}
