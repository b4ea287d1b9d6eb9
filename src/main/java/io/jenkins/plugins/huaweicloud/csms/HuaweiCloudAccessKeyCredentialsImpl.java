package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.Secret;
import java.io.Serial;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The "Huawei Cloud access key" credentials type: the access key id in clear (it is an identifier) and the secret
 * access key as a {@link Secret}, so it is stored encrypted and masked in forms.
 */
public final class HuaweiCloudAccessKeyCredentialsImpl extends BaseStandardCredentials
        implements HuaweiCloudAccessKeyCredentials {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @NonNull String accessKeyId;
    private final @NonNull Secret secretAccessKey;

    @DataBoundConstructor
    public HuaweiCloudAccessKeyCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String accessKeyId,
            @CheckForNull Secret secretAccessKey) {
        super(scope, id, description);
        this.accessKeyId = Util.fixNull(Util.fixEmptyAndTrim(accessKeyId));
        this.secretAccessKey = secretAccessKey == null ? Secret.fromString("") : secretAccessKey;
    }

    @NonNull
    @Override
    public String getAccessKeyId() {
        return accessKeyId;
    }

    @NonNull
    @Override
    public Secret getSecretAccessKey() {
        return secretAccessKey;
    }

    @Extension
    @Symbol("huaweicloudAccessKey")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.HuaweiCloudAccessKeyCredentialsImpl_DisplayName();
        }
    }
}
