package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionDefaults;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every deletion on this controller (JCasC symbol {@code huaweicloudCsms}); only a credentials id is
 * stored, never a secret. Each setter applies the engine's rule for its field: a bad value from the form or a JCasC
 * file is refused where it is set, with a message naming the field and what is allowed.
 */
@Extension
@Symbol("huaweicloudCsms")
public class CsmsGlobalConfiguration extends GlobalConfiguration {

    private String endpoint;
    private String region;
    private String iamEndpoint;
    private String iamDomain;
    private String agencyName;
    private String agencyDomain;
    private String credentialsId;
    private String ifMissing = DeletionDefaults.DEFAULT_IF_MISSING;
    private int attempts = DeletionDefaults.DEFAULT_ATTEMPTS;
    private int connectTimeout = DeletionDefaults.DEFAULT_CONNECT_TIMEOUT;
    private int readTimeout = DeletionDefaults.DEFAULT_READ_TIMEOUT;
    private int callTimeout = DeletionDefaults.DEFAULT_CALL_TIMEOUT;

    public CsmsGlobalConfiguration() {
        load();
    }

    @NonNull
    public static CsmsGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CsmsGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.CsmsGlobalConfiguration_DisplayName();
    }

    /** These values as the engine's configuration defaults. */
    @NonNull
    DeletionDefaults defaults() {
        return DeletionDefaults.builder()
                .endpoint(endpoint)
                .region(region)
                .iamEndpoint(iamEndpoint)
                .iamDomain(iamDomain)
                .agencyName(agencyName)
                .agencyDomain(agencyDomain)
                .credentialsId(credentialsId)
                .ifMissing(getIfMissing())
                .attempts(attempts)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(callTimeout)
                .build();
    }

    @CheckForNull
    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = DeletionDefaults.endpointSetting("endpoint", endpoint);
        save();
    }

    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = DeletionDefaults.regionSetting("region", region);
        save();
    }

    @CheckForNull
    public String getIamEndpoint() {
        return iamEndpoint;
    }

    @DataBoundSetter
    public void setIamEndpoint(String iamEndpoint) {
        this.iamEndpoint = DeletionDefaults.endpointSetting("iamEndpoint", iamEndpoint);
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

    /** The agency the default credentials (an access key) assume, or null. */
    @CheckForNull
    public String getAgencyName() {
        return agencyName;
    }

    @DataBoundSetter
    public void setAgencyName(String agencyName) {
        this.agencyName = DeletionDefaults.agencySetting("agencyName", Util.fixEmptyAndTrim(agencyName));
        save();
    }

    /** The account (domain) name that created the agency, or null. */
    @CheckForNull
    public String getAgencyDomain() {
        return agencyDomain;
    }

    @DataBoundSetter
    public void setAgencyDomain(String agencyDomain) {
        this.agencyDomain = DeletionDefaults.agencySetting("agencyDomain", Util.fixEmptyAndTrim(agencyDomain));
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
        return ifMissing == null ? DeletionDefaults.DEFAULT_IF_MISSING : ifMissing;
    }

    @DataBoundSetter
    public void setIfMissing(String ifMissing) {
        this.ifMissing = DeletionDefaults.ifMissingSetting("ifMissing", ifMissing);
        save();
    }

    public int getAttempts() {
        return attempts;
    }

    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = DeletionDefaults.rangeSetting(
                "attempts", attempts, 1, ClientSettings.MAX_ATTEMPTS, DeletionDefaults.DEFAULT_ATTEMPTS);
        save();
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    @DataBoundSetter
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = DeletionDefaults.rangeSetting(
                "connectTimeout",
                connectTimeout,
                1,
                DeletionDefaults.MAX_CONNECT_TIMEOUT,
                DeletionDefaults.DEFAULT_CONNECT_TIMEOUT);
        save();
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    @DataBoundSetter
    public void setReadTimeout(int readTimeout) {
        this.readTimeout = DeletionDefaults.rangeSetting(
                "readTimeout",
                readTimeout,
                1,
                DeletionDefaults.MAX_READ_TIMEOUT,
                DeletionDefaults.DEFAULT_READ_TIMEOUT);
        save();
    }

    public int getCallTimeout() {
        return callTimeout;
    }

    @DataBoundSetter
    public void setCallTimeout(int callTimeout) {
        this.callTimeout = DeletionDefaults.rangeSetting(
                "callTimeout",
                callTimeout,
                1,
                DeletionDefaults.MAX_CALL_TIMEOUT,
                DeletionDefaults.DEFAULT_CALL_TIMEOUT);
        save();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(
            @QueryParameter String credentialsId, @QueryParameter String endpoint, @QueryParameter String region) {
        return FormSupport.fillCredentialsIdItems(null, credentialsId, endpoint, region);
    }

    @POST
    public ListBoxModel doFillIfMissingItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormSupport.outcomes(new ListBoxModel());
    }

    @POST
    public FormValidation doCheckCredentialsId(
            @QueryParameter String value, @QueryParameter String endpoint, @QueryParameter String region) {
        return Util.fixEmptyAndTrim(value) == null && Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                ? FormValidation.warning(Messages.Form_credentialsId_noDefault())
                : FormSupport.checkCredentialsId(null, value, endpoint, region);
    }

    @POST
    public FormValidation doCheckEndpoint(@QueryParameter String value) {
        return adminCheck(() -> DeletionDefaults.endpointSetting("endpoint", value));
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        return adminCheck(() -> DeletionDefaults.regionSetting("region", value));
    }

    @POST
    public FormValidation doCheckIamEndpoint(@QueryParameter String value) {
        return adminCheck(() -> DeletionDefaults.endpointSetting("iamEndpoint", value));
    }

    @POST
    public FormValidation doCheckAgencyName(@QueryParameter String value) {
        return adminCheck(() -> DeletionDefaults.agencySetting("agencyName", value));
    }

    @POST
    public FormValidation doCheckAgencyDomain(@QueryParameter String value) {
        return adminCheck(() -> DeletionDefaults.agencySetting("agencyDomain", value));
    }

    /** "Test connection": see {@link ConnectionTest}; nothing is deleted. */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String credentialsId,
            @QueryParameter String region,
            @QueryParameter String endpoint,
            @QueryParameter String iamEndpoint,
            @QueryParameter String iamDomain,
            @QueryParameter String agencyName,
            @QueryParameter String agencyDomain,
            @QueryParameter String testProjectId)
            throws InterruptedException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConnectionTest.run(new ConnectionTest.Values(
                credentialsId, region, endpoint, iamEndpoint, iamDomain, agencyName, agencyDomain, testProjectId));
    }

    private static FormValidation adminCheck(Runnable check) {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER) ? FormSupport.validate(check) : FormValidation.ok();
    }
}
