package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Objects;

/** Where the AK/SK pair that signs requests comes from: a fixed pair, or temporary keys of an agency. */
public interface AccessKeySource {
    /** The pair to sign with now; may call IAM. */
    AccessKey accessKey() throws TokenException, InterruptedException;

    /**
     * CSMS refused a request signed with {@code rejected}: returns true when {@link #accessKey()} can give another,
     * freshly issued pair (so one more attempt is worth it). A fixed pair cannot be renewed.
     */
    boolean renewAfterRejection(AccessKey rejected);

    /** A pair that never changes: long-term keys, or temporary keys given with their security token. */
    static AccessKeySource fixed(AccessKey key) {
        Objects.requireNonNull(key, "key");
        return new AccessKeySource() {
            @Override
            public AccessKey accessKey() {
                return key;
            }

            @Override
            public boolean renewAfterRejection(AccessKey rejected) {
                return false;
            }

            @Override
            public String toString() {
                return "AccessKeySource.fixed(" + key + ")";
            }
        };
    }
}
