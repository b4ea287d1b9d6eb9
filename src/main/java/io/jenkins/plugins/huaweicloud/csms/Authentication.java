package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;

/**
 * How a resolved credential authenticates: an IAM token source or an AK/SK source, exactly one. Both live only in
 * memory: nothing here is ever stored with a build or a job.
 */
record Authentication(
        @CheckForNull TokenSource tokens, @CheckForNull AccessKeySource accessKeys) {

    @NonNull
    static Authentication of(@NonNull TokenSource tokens) {
        return new Authentication(tokens, null);
    }

    @NonNull
    static Authentication of(@NonNull AccessKeySource accessKeys) {
        return new Authentication(null, accessKeys);
    }

    /** Sets this credential on a client builder. */
    @NonNull
    CsmsClient.Builder applyTo(@NonNull CsmsClient.Builder builder) {
        return tokens != null ? builder.tokenSource(tokens) : builder.accessKeys(accessKeys);
    }
}
