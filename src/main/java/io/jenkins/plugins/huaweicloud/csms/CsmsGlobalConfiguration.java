package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.ConnectionCheck;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionDefaults;
import io.jenkins.plugins.huaweicloud.csms.client.GlobalSetting;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every deletion on this controller (JCasC symbol {@code huaweicloudCsms}); only a credentials id is
 * stored, never a secret. Each setter applies the engine's rule for its field ({@link GlobalSetting}): a bad value
 * from the form or a JCasC file is refused where it is set, with a message naming the field and what is allowed.
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
    private int attempts = GlobalSetting.ATTEMPTS.defaultNumber();
    private int connectTimeout = GlobalSetting.CONNECT_TIMEOUT.defaultNumber();
    private int readTimeout = GlobalSetting.READ_TIMEOUT.defaultNumber();
    private int callTimeout = GlobalSetting.CALL_TIMEOUT.defaultNumber();

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

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = GlobalSetting.ENDPOINT.text(endpoint);
        save();
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = GlobalSetting.REGION.text(region);
        save();
    }

    public String getIamEndpoint() {
        return iamEndpoint;
    }

    @DataBoundSetter
    public void setIamEndpoint(String iamEndpoint) {
        this.iamEndpoint = GlobalSetting.IAM_ENDPOINT.text(iamEndpoint);
        save();
    }

    public String getIamDomain() {
        return iamDomain;
    }

    @DataBoundSetter
    public void setIamDomain(String iamDomain) {
        this.iamDomain = GlobalSetting.IAM_DOMAIN.text(iamDomain);
        save();
    }

    public String getAgencyName() {
        return agencyName;
    }

    @DataBoundSetter
    public void setAgencyName(String agencyName) {
        this.agencyName = GlobalSetting.AGENCY_NAME.text(agencyName);
        save();
    }

    public String getAgencyDomain() {
        return agencyDomain;
    }

    @DataBoundSetter
    public void setAgencyDomain(String agencyDomain) {
        this.agencyDomain = GlobalSetting.AGENCY_DOMAIN.text(agencyDomain);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = GlobalSetting.CREDENTIALS_ID.text(credentialsId);
        save();
    }

    @NonNull
    public String getIfMissing() {
        return ifMissing == null ? DeletionDefaults.DEFAULT_IF_MISSING : ifMissing;
    }

    @DataBoundSetter
    public void setIfMissing(String ifMissing) {
        this.ifMissing = GlobalSetting.IF_MISSING.text(ifMissing);
        save();
    }

    public int getAttempts() {
        return attempts;
    }

    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = GlobalSetting.ATTEMPTS.number(attempts);
        save();
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    @DataBoundSetter
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = GlobalSetting.CONNECT_TIMEOUT.number(connectTimeout);
        save();
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    @DataBoundSetter
    public void setReadTimeout(int readTimeout) {
        this.readTimeout = GlobalSetting.READ_TIMEOUT.number(readTimeout);
        save();
    }

    public int getCallTimeout() {
        return callTimeout;
    }

    @DataBoundSetter
    public void setCallTimeout(int callTimeout) {
        this.callTimeout = GlobalSetting.CALL_TIMEOUT.number(callTimeout);
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
        return FormSupport.validate(null, () -> GlobalSetting.ENDPOINT.text(value));
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        return FormSupport.validate(null, () -> GlobalSetting.REGION.text(value));
    }

    @POST
    public FormValidation doCheckIamEndpoint(@QueryParameter String value) {
        return FormSupport.validate(null, () -> GlobalSetting.IAM_ENDPOINT.text(value));
    }

    @POST
    public FormValidation doCheckAgencyName(@QueryParameter String value) {
        return FormSupport.validate(null, () -> GlobalSetting.AGENCY_NAME.text(value));
    }

    @POST
    public FormValidation doCheckAgencyDomain(@QueryParameter String value) {
        return FormSupport.validate(null, () -> GlobalSetting.AGENCY_DOMAIN.text(value));
    }

    /** "Test connection" with the form's values as request parameters: see {@link ConnectionTest}. */
    @POST
    public FormValidation doTestConnection(StaplerRequest2 request) throws InterruptedException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConnectionTest.run(ConnectionCheck.Form.from(request::getParameter));
    }
}
