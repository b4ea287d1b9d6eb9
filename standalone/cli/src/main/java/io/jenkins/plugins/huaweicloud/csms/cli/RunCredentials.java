package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.AccessKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;

/** The one credential of a run: a token source or an AK/SK source, never both. */
record RunCredentials(TokenSource tokens, AccessKeySource accessKeys) {

    static RunCredentials of(TokenSource tokens) {
        return new RunCredentials(tokens, null);
    }

    static RunCredentials of(AccessKeySource keys) {
        return new RunCredentials(null, keys);
    }

    CsmsClient.Builder applyTo(CsmsClient.Builder builder) {
        return tokens != null ? builder.tokenSource(tokens) : builder.accessKeys(accessKeys);
    }
}
