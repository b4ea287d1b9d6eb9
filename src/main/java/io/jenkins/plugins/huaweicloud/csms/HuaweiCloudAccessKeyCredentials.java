package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** A Huawei Cloud access key: the access key id (AK) and the secret access key (SK) that signs requests. */
public interface HuaweiCloudAccessKeyCredentials extends StandardCredentials {

    /** The access key id (AK); not a secret, it names the key in every signed request. */
    @NonNull
    String getAccessKeyId();

    /** The secret access key (SK); never sent, only used to sign. */
    @NonNull
    Secret getSecretAccessKey();
}
