package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordCredentials;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordTokenSource;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.ProbeResult;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenException;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.time.Duration;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every deletion on this controller: where CSMS and IAM are, which credentials to use when a job names
 * none, and the retry and timeout policy. Only a credentials id is stored, never a secret; JCasC symbol
 * {@code huaweicloudCsms}.
 */
@Extension
@Symbol("huaweicloudCsms")
public class CsmsGlobalConfiguration extends GlobalConfiguration {

    static final String DEFAULT_IF_MISSING = "UNSTABLE";
    static final int DEFAULT_ATTEMPTS = 3;
    static final int DEFAULT_CONNECT_TIMEOUT = 10;
    static final int DEFAULT_READ_TIMEOUT = 30;
    static final int DEFAULT_CALL_TIMEOUT = 60;

    private String endpoint;
    private String region;
    private String iamEndpoint;
    private String iamDomain;
    private String credentialsId;
    private String ifMissing = DEFAULT_IF_MISSING;
    private int attempts = DEFAULT_ATTEMPTS;
    private int connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int readTimeout = DEFAULT_READ_TIMEOUT;
    private int callTimeout = DEFAULT_CALL_TIMEOUT;

    public CsmsGlobalConfiguration() {
        load();
    }

    /** @return the singleton instance */
    @NonNull
    public static CsmsGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CsmsGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.CsmsGlobalConfiguration_DisplayName();
    }

    @CheckForNull
    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
        save();
    }

    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
        save();
    }

    @CheckForNull
    public String getIamEndpoint() {
        return iamEndpoint;
    }

    @DataBoundSetter
    public void setIamEndpoint(String iamEndpoint) {
        this.iamEndpoint = Util.fixEmptyAndTrim(iamEndpoint);
        save();
    }

    @CheckForNull
    public String getIamDomain() {
        return iamDomain;
    }

    @DataBoundSetter
    public void setIamDomain(String iamDomain) {
        this.iamDomain = Util.fixEmptyAndTrim(iamDomain);
        save();
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    @NonNull
    public String getIfMissing() {
        return ifMissing == null ? DEFAULT_IF_MISSING : ifMissing;
    }

    @DataBoundSetter
    public void setIfMissing(String ifMissing) {
        String value = Util.fixEmptyAndTrim(ifMissing);
        this.ifMissing = value == null ? DEFAULT_IF_MISSING : value;
        save();
    }

    public int getAttempts() {
        return attempts;
    }

    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = attempts > 0 ? attempts : DEFAULT_ATTEMPTS;
        save();
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    @DataBoundSetter
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout > 0 ? connectTimeout : DEFAULT_CONNECT_TIMEOUT;
        save();
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    @DataBoundSetter
    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout > 0 ? readTimeout : DEFAULT_READ_TIMEOUT;
        save();
    }

    public int getCallTimeout() {
        return callTimeout;
    }

    @DataBoundSetter
    public void setCallTimeout(int callTimeout) {
        this.callTimeout = callTimeout > 0 ? callTimeout : DEFAULT_CALL_TIMEOUT;
        save();
    }

    // ---- resolution of a request against these defaults (used by SecretDeleter)

    /**
     * The CSMS endpoint for a request: the job's endpoint or region, else this page's.
     *
     * @throws InvalidInputException when none is set or a value is invalid
     */
    @NonNull
    Endpoint resolveEndpoint(@CheckForNull String jobEndpoint, @CheckForNull String jobRegion) {
        if (jobEndpoint != null && jobRegion != null) {
            throw new InvalidInputException("Give either endpoint or region, not both (endpoint " + jobEndpoint
                    + ", region " + jobRegion + ").");
        }
        if (jobEndpoint != null) {
            return Endpoint.of(jobEndpoint);
        }
        if (jobRegion != null) {
            return Endpoint.forRegion(jobRegion);
        }
        if (endpoint != null) {
            return Endpoint.of(endpoint);
        }
        if (region != null) {
            return Endpoint.forRegion(region);
        }
        throw new InvalidInputException("No CSMS endpoint: give endpoint or region to the step, or set one in"
                + " Manage Jenkins > System > Huawei Cloud CSMS.");
    }

    /** The IAM endpoint for a password exchange: this page's, else the regional one, else the global one. */
    @NonNull
    Endpoint resolveIamEndpoint(@CheckForNull String jobRegion) {
        if (iamEndpoint != null) {
            return Endpoint.of(iamEndpoint);
        }
        String r = jobRegion != null ? jobRegion : region;
        return r != null ? Endpoint.iamForRegion(r) : Endpoint.iamGlobal();
    }

    /**
     * Client settings for a request: its attempts, call timeout and ifMissing, else this page's.
     *
     * @throws InvalidInputException for a value out of range
     */
    @NonNull
    ClientSettings settingsFor(@CheckForNull String jobIfMissing, int jobAttempts, int jobTimeoutSeconds) {
        return ClientSettings.builder()
                .attempts(jobAttempts != 0 ? jobAttempts : attempts)
                .connectTimeout(Duration.ofSeconds(connectTimeout))
                .readTimeout(Duration.ofSeconds(readTimeout))
                .callTimeout(Duration.ofSeconds(jobTimeoutSeconds != 0 ? jobTimeoutSeconds : callTimeout))
                .ifMissing(Outcome.parse(jobIfMissing != null ? jobIfMissing : getIfMissing()))
                .build();
    }

    // ---- form validation and fill (global configuration: Jenkins.ADMINISTER)

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(credentialsId);
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2,
                        Jenkins.get(),
                        StandardCredentials.class,
                        List.of(),
                        CredentialResolver.SUPPORTED_CREDENTIALS)
                .includeCurrentValue(current);
    }

    @POST
    public ListBoxModel doFillIfMissingItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        ListBoxModel items = new ListBoxModel();
        for (Outcome o : Outcome.values()) {
            items.add(o.name());
        }
        return items;
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.warning(Messages.Form_credentialsId_noDefault());
        }
        if (CredentialsProvider.findCredentialByIdInItemGroup(
                        id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of())
                == null) {
            return FormValidation.error(Messages.Form_credentialsId_notFound(id));
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckEndpoint(@QueryParameter String value, @QueryParameter String region) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        if (Util.fixEmptyAndTrim(value) != null && Util.fixEmptyAndTrim(region) != null) {
            return FormValidation.warning(Messages.Form_endpoint_bothSet());
        }
        return FormSupport.checkEndpoint(value);
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormSupport.checkRegion(value);
    }

    @POST
    public FormValidation doCheckIamEndpoint(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormSupport.checkEndpoint(value);
    }

    @POST
    public FormValidation doCheckAttempts(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormSupport.checkRange(value, 1, ClientSettings.MAX_ATTEMPTS);
    }

    @POST
    public FormValidation doCheckConnectTimeout(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormSupport.checkRange(value, 1, 600);
    }

    @POST
    public FormValidation doCheckReadTimeout(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormSupport.checkRange(value, 1, 600);
    }

    @POST
    public FormValidation doCheckCallTimeout(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormSupport.checkRange(value, 1, 1800);
    }

    /**
     * "Test connection": proves the selected credentials can authenticate, without deleting anything. A password
     * credential is exchanged for a project-scoped IAM token (one IAM request). Then, when a project id and a region or
     * endpoint are given, the engine's probe asks CSMS for at most one secret name of the project with the token
     * ({@code GET /v1/{project}/secrets?limit=1}, one attempt), which proves CSMS accepts it. The answer shows the
     * probe's message, HTTP status, error code and request id; the token is never shown.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String credentialsId,
            @QueryParameter String region,
            @QueryParameter String endpoint,
            @QueryParameter String iamEndpoint,
            @QueryParameter String iamDomain,
            @QueryParameter String testProjectId)
            throws InterruptedException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return FormValidation.error(Messages.Form_testConnection_noCredentials());
        }
        StandardCredentials credentials = CredentialsProvider.findCredentialByIdInItemGroup(
                id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (credentials == null) {
            return FormValidation.error(Messages.Form_credentialsId_notFound(id));
        }
        String projectText = Util.fixEmptyAndTrim(testProjectId);
        String regionText = Util.fixEmptyAndTrim(region);
        String endpointText = Util.fixEmptyAndTrim(endpoint);
        try {
            // One attempt only: a test should answer quickly and never hammer a failing service.
            ClientSettings settings = settingsFor(null, 1, 0);
            TokenSource tokens;
            String authenticated;
            if (credentials instanceof StringCredentials token) {
                tokens = TokenSource.fixed(Token.of(token.getSecret().getPlainText()));
                if (projectText == null) {
                    return FormValidation.ok(Messages.Form_testConnection_tokenFormatOk(id));
                }
                authenticated = Messages.Form_testConnection_tokenWellFormed(id);
            } else if (credentials instanceof StandardUsernamePasswordCredentials user) {
                if (projectText == null) {
                    return FormValidation.error(Messages.Form_testConnection_projectNeeded());
                }
                Endpoint iam = resolveIamForTest(Util.fixEmptyAndTrim(iamEndpoint), regionText);
                String domain = Util.fixEmptyAndTrim(iamDomain);
                IamPasswordCredentials login = new IamPasswordCredentials(
                        iam, domain, user.getUsername(), user.getPassword().getPlainText(), ProjectId.of(projectText));
                // A fresh source, not the build cache: the test must really ask IAM.
                tokens = new IamPasswordTokenSource(login, CredentialResolver.newHttpClient(settings));
                tokens.token();
                authenticated = Messages.Form_testConnection_iamOk(id, user.getUsername(), domain, iam.host());
            } else {
                return FormValidation.error(CredentialResolver.unsupportedType(id, credentials));
            }
            if (endpointText == null && regionText == null) {
                return FormValidation.ok(authenticated + " " + Messages.Form_testConnection_noEndpoint());
            }
            Endpoint csms = endpointText != null ? Endpoint.of(endpointText) : Endpoint.forRegion(regionText);
            ProbeResult probe = CsmsProbe.check(csms, tokens, ProjectId.of(projectText), settings);
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

    private static Endpoint resolveIamForTest(@CheckForNull String iamEndpoint, @CheckForNull String region) {
        if (iamEndpoint != null) {
            return Endpoint.of(iamEndpoint);
        }
        return region != null ? Endpoint.iamForRegion(region) : Endpoint.iamGlobal();
    }
}
