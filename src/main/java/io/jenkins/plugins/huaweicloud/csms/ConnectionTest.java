package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKey;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.Agency;
import io.jenkins.plugins.huaweicloud.csms.client.AgencyKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.ArgumentNames;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionDefaults;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionJob;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordCredentials;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordTokenSource;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.ProbeResult;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenException;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.time.Clock;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * "Test connection" of the global configuration: proves the selected credentials can authenticate, without deleting
 * anything. A password credential is exchanged for a project-scoped IAM token (one IAM request); an access key with
 * an agency obtains the agency's temporary keys (one IAM request). Then, when a project id and a region or endpoint
 * are given, the engine's probe asks CSMS for at most one secret name of the project (one attempt, with the token or
 * a signed request), which proves CSMS accepts the credential. No token or key is ever shown. The caller checked
 * ADMINISTER.
 */
final class ConnectionTest {

    /** The form's values, as typed. */
    record Values(
            String credentialsId,
            String region,
            String endpoint,
            String iamEndpoint,
            String iamDomain,
            String agencyName,
            String agencyDomain,
            String testProjectId) {}

    private ConnectionTest() {}

    @NonNull
    static FormValidation run(@NonNull Values form) throws InterruptedException {
        String id = Util.fixEmptyAndTrim(form.credentialsId());
        if (id == null) {
            return FormValidation.error(Messages.Form_testConnection_noCredentials());
        }
        String url = DeletionJob.endpointUrlOrNull(form.endpoint(), form.region(), DeletionDefaults.NONE);
        StandardCredentials credentials = CredentialsProvider.findCredentialByIdInItemGroup(
                id,
                StandardCredentials.class,
                Jenkins.get(),
                ACL.SYSTEM2,
                URIRequirementBuilder.fromUri(url).build());
        if (credentials == null) {
            return FormValidation.error(Messages.Form_credentialsId_notFound(id));
        }
        String project = Util.fixEmptyAndTrim(form.testProjectId());
        try {
            Agency agency = DeletionJob.agencyOf(form.agencyName(), form.agencyDomain(), ArgumentNames.JENKINS);
            if (agency != null && !(credentials instanceof HuaweiCloudAccessKeyCredentials)) {
                return FormValidation.error(Messages.Deletion_agencyNeedsAccessKey(
                        id, credentials.getClass().getSimpleName(), agency.name()));
            }
            // One attempt only: a test should answer quickly and never hammer a failing service.
            ClientSettings settings = ClientSettings.builder().attempts(1).build();
            Authentication authentication;
            String authenticated;
            if (credentials instanceof HuaweiCloudAccessKeyCredentials keys) {
                AccessKey longTerm = AccessKey.of(
                        keys.getAccessKeyId(), keys.getSecretAccessKey().getPlainText());
                if (agency == null) {
                    authentication = Authentication.of(AccessKeySource.fixed(longTerm));
                    if (project == null) {
                        return FormValidation.ok(Messages.Form_testConnection_accessKeyFormatOk(id));
                    }
                    authenticated = Messages.Form_testConnection_accessKeyWellFormed(id);
                } else {
                    Endpoint iam =
                            iamEndpoint(Util.fixEmptyAndTrim(form.iamEndpoint()), Util.fixEmptyAndTrim(form.region()));
                    // A fresh source, not the build cache: the test must really ask IAM.
                    AgencyKeySource agencyKeys = new AgencyKeySource(
                            iam, longTerm, agency, CredentialResolver.newHttpClient(settings), Clock.systemUTC());
                    agencyKeys.accessKey();
                    authentication = Authentication.of(agencyKeys);
                    authenticated =
                            Messages.Form_testConnection_agencyOk(id, agency.name(), agency.domain(), iam.host());
                    if (project == null) {
                        return FormValidation.ok(authenticated + " " + Messages.Form_testConnection_noProject());
                    }
                }
            } else if (credentials instanceof StringCredentials token) {
                authentication = Authentication.of(
                        TokenSource.fixed(Token.of(token.getSecret().getPlainText())));
                if (project == null) {
                    return FormValidation.ok(Messages.Form_testConnection_tokenFormatOk(id));
                }
                authenticated = Messages.Form_testConnection_tokenWellFormed(id);
            } else if (credentials instanceof StandardUsernamePasswordCredentials user) {
                if (project == null) {
                    return FormValidation.error(Messages.Form_testConnection_projectNeeded());
                }
                Endpoint iam =
                        iamEndpoint(Util.fixEmptyAndTrim(form.iamEndpoint()), Util.fixEmptyAndTrim(form.region()));
                String domain = Util.fixEmptyAndTrim(form.iamDomain());
                IamPasswordCredentials login = new IamPasswordCredentials(
                        iam, domain, user.getUsername(), user.getPassword().getPlainText(), ProjectId.of(project));
                // A fresh source, not the build cache: the test must really ask IAM.
                IamPasswordTokenSource tokens =
                        new IamPasswordTokenSource(login, CredentialResolver.newHttpClient(settings));
                tokens.token();
                authentication = Authentication.of(tokens);
                authenticated = Messages.Form_testConnection_iamOk(id, user.getUsername(), domain, iam.host());
            } else {
                return FormValidation.error(CredentialResolver.unsupportedType(id, credentials));
            }
            if (url == null) {
                return FormValidation.ok(authenticated + " " + Messages.Form_testConnection_noEndpoint());
            }
            ProbeResult probe = CsmsProbe.check(Endpoint.of(url), authentication, ProjectId.of(project), settings);
            if (!probe.ok()) {
                return FormValidation.error(Messages.Form_testConnection_failed(id, CsmsProbe.describe(probe)));
            }
            return FormValidation.ok(
                    authenticated + " " + Messages.Form_testConnection_csmsOk(CsmsProbe.describe(probe)));
        } catch (InvalidInputException | TokenException e) {
            // Messages from the engine never contain a token or a password; they carry the request id if any.
            return FormValidation.error(Messages.Form_testConnection_failed(id, e.getMessage()));
        }
    }

    private static Endpoint iamEndpoint(@CheckForNull String iamEndpoint, @CheckForNull String region) {
        if (iamEndpoint != null) {
            return Endpoint.of(iamEndpoint);
        }
        return region != null ? Endpoint.iamForRegion(region) : Endpoint.iamGlobal();
    }
}
