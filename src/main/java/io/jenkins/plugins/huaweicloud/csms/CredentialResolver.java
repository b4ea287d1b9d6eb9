package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.huaweicloud.csms.client.Authentication;
import io.jenkins.plugins.huaweicloud.csms.client.CloudCredential;
import io.jenkins.plugins.huaweicloud.csms.client.CredentialSources;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionPlan;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import okhttp3.OkHttpClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Finds the Jenkins credential of a deletion and hands it to the engine as a {@link CloudCredential}: Secret text is
 * an IAM token, Username with password an IAM user, a Huawei Cloud access key an AK/SK pair. The engine's
 * {@link CredentialSources} decides the rest (agency rule, shared token and agency key sources).
 */
final class CredentialResolver {

    /** Credential types the dropdowns offer. */
    static final CredentialsMatcher SUPPORTED_CREDENTIALS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StringCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(HuaweiCloudAccessKeyCredentials.class));

    /** The okhttp client every derived client starts from (shares its connection pool and threads). */
    private static final OkHttpClient BASE = new OkHttpClient();

    /** Password token sources and agency key sources, shared by the builds on this controller (memory only). */
    static final CredentialSources SOURCES = new CredentialSources();

    private CredentialResolver() {}

    /**
     * The authentication for a planned deletion: its credential, looked up in the run's context (folder credentials
     * only inside their folder) with the domain requirements of the endpoint it goes to, so a credential restricted
     * to another host is never sent; its use is recorded.
     *
     * @throws AbortException when it is not found
     * @throws InvalidInputException when it cannot be used (DeletionRunner aborts with the message, never a secret)
     */
    @NonNull
    static Authentication authentication(@NonNull Run<?, ?> run, @NonNull DeletionPlan plan) throws AbortException {
        String id = plan.credentialsId();
        StandardCredentials found = CredentialsProvider.findCredentialById(
                id,
                StandardCredentials.class,
                run,
                URIRequirementBuilder.fromUri(plan.endpoint().url()).build());
        if (found == null) {
            throw new AbortException(Messages.Deletion_credentialsNotFound(
                    id, run.getParent().getFullName(), plan.endpoint().host()));
        }
        Authentication authentication = SOURCES.authentication(plan, cloudCredential(id, found), proxied());
        CredentialsProvider.track(run, found);
        return authentication;
    }

    /**
     * The engine's view of a Jenkins credential.
     *
     * @throws InvalidInputException for a type this plugin cannot use, naming the id and the type
     */
    @NonNull
    static CloudCredential cloudCredential(@NonNull String id, @NonNull StandardCredentials credentials) {
        if (credentials instanceof StringCredentials token) {
            return CloudCredential.iamToken(token.getSecret().getPlainText());
        }
        if (credentials instanceof StandardUsernamePasswordCredentials user) {
            return CloudCredential.iamUser(
                    user.getUsername(), user.getPassword().getPlainText());
        }
        if (credentials instanceof HuaweiCloudAccessKeyCredentials key) {
            return CloudCredential.accessKey(
                    key.getAccessKeyId(), key.getSecretAccessKey().getPlainText());
        }
        throw new InvalidInputException(Messages.Deletion_credentialsUnsupported(
                id, credentials.getClass().getSimpleName()));
    }

    /** The base client with Jenkins' proxy configuration applied (for {@code CsmsClient.Builder#httpClient}). */
    @NonNull
    static OkHttpClient proxied() {
        return JenkinsOkHttpClient.newClientBuilder(BASE).build();
    }
}
