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

    /**
     * Registers every secret value this source holds (the secret key, a security token, temporary keys obtained so
     * far, and those it obtains later) with a run's redactor, so that a server echoing one back cannot get it into
     * any output. The default registers nothing.
     */
    default void registerSecretsWith(SecretRedactor redactor) {}

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
            public void registerSecretsWith(SecretRedactor redactor) {
                key.registerWith(redactor);
            }

            @Override
            public String toString() {
                return "AccessKeySource.fixed(" + key + ")";
            }
        };
    }
}
