package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.util.FormValidation;
import io.jenkins.plugins.huaweicloud.csms.client.CloudCredential;
import io.jenkins.plugins.huaweicloud.csms.client.ConnectionCheck;
import jenkins.model.Jenkins;

/**
 * "Test connection" of the global configuration: the engine's {@link ConnectionCheck} (what is checked, what is
 * sent, what is said) with the credential found in Jenkins' global store for the endpoint's host, through Jenkins'
 * proxy. Nothing is deleted and no secret is shown. The caller checked ADMINISTER.
 */
final class ConnectionTest {

    private ConnectionTest() {}

    @NonNull
    static FormValidation run(@NonNull ConnectionCheck.Form form) throws InterruptedException {
        ConnectionCheck.Result result =
                new ConnectionCheck(CredentialResolver.proxied()).run(form, ConnectionTest::globalCredential);
        return result.ok() ? FormValidation.ok(result.message()) : FormValidation.error(result.message());
    }

    /** A credential of Jenkins' global store whose domain allows the endpoint's host, or null for none. */
    @CheckForNull
    private static CloudCredential globalCredential(@NonNull String id, @CheckForNull String url) {
        StandardCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(
                id,
                StandardCredentials.class,
                Jenkins.get(),
                ACL.SYSTEM2,
                URIRequirementBuilder.fromUri(url).build());
        return found == null ? null : CredentialResolver.cloudCredential(id, found);
    }
}
