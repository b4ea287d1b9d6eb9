package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import io.jenkins.plugins.huaweicloud.csms.client.FormField;
import java.io.IOException;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The fields of the freestyle build step and post-build action, held once: Jenkins gives a Builder and a Recorder no
 * common base class, so both hold one of these (their forms show it inline through {@code f:property}).
 */
public final class SecretDeletion implements Describable<SecretDeletion>, DeletionArguments {

    private final String project;
    private String name;
    private String names;
    private String credentialsId;
    private String endpoint;
    private String region;
    private String iamDomain;
    private String agencyName;
    private String agencyDomain;
    private String ifMissing;
    private int attempts;
    private int timeout;
    private int recoveryWindowDays;

    @DataBoundConstructor
    public SecretDeletion(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    @Override
    public String getProject() {
        return project;
    }

    @Override
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    @Override
    public String getNames() {
        return names;
    }

    @DataBoundSetter
    public void setNames(String names) {
        this.names = DeletionRequest.normalizeNames(names);
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
    }

    @Override
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    @Override
    public String getIamDomain() {
        return iamDomain;
    }

    @DataBoundSetter
    public void setIamDomain(String iamDomain) {
        this.iamDomain = Util.fixEmptyAndTrim(iamDomain);
    }

    @Override
    public String getAgencyName() {
        return agencyName;
    }

    @DataBoundSetter
    public void setAgencyName(String agencyName) {
        this.agencyName = Util.fixEmptyAndTrim(agencyName);
    }

    @Override
    public String getAgencyDomain() {
        return agencyDomain;
    }

    @DataBoundSetter
    public void setAgencyDomain(String agencyDomain) {
        this.agencyDomain = Util.fixEmptyAndTrim(agencyDomain);
    }

    @Override
    public String getIfMissing() {
        return ifMissing;
    }

    @DataBoundSetter
    public void setIfMissing(String ifMissing) {
        this.ifMissing = Util.fixEmptyAndTrim(ifMissing);
    }

    @Override
    public int getAttempts() {
        return attempts;
    }

    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    @Override
    public int getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    /** 0 (a blank field): delete immediately; 7 to 30: schedule the deletion with that recovery window. */
    public int getRecoveryWindowDays() {
        return recoveryWindowDays;
    }

    @DataBoundSetter
    public void setRecoveryWindowDays(int recoveryWindowDays) {
        this.recoveryWindowDays = recoveryWindowDays;
    }

    /** Runs the deletion for a build: UNSTABLE marks it unstable, FAILURE fails the step. */
    void perform(@NonNull Run<?, ?> run, @NonNull TaskListener listener) throws InterruptedException, IOException {
        DeletionRequest request = toRequest()
                .deleteOrSchedule(DeletionRequest.unlessZero(recoveryWindowDays))
                .build();
        DeletionRunner.apply(DeletionRunner.run(run, listener, request), run, listener, null, true);
    }

    /** The form's web methods: each checks permission on the job first (FormSupport), then asks the engine. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<SecretDeletion> {
        public DescriptorImpl() {
            for (String field : FormSupport.SHARED_FIELDS) {
                addHelpFileRedirect(field, DeleteSecretNowStep.class, field);
            }
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.SecretDeletion_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item,
                @QueryParameter String credentialsId,
                @QueryParameter String endpoint,
                @QueryParameter String region) {
            return FormSupport.fillCredentialsIdItems(item, credentialsId, endpoint, region);
        }

        @POST
        public FormValidation doCheckCredentialsId(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String endpoint,
                @QueryParameter String region) {
            return FormSupport.checkCredentialsId(item, value, endpoint, region);
        }

        @POST
        public ListBoxModel doFillIfMissingItems(@AncestorInPath Item item) {
            return FormSupport.fillIfMissingItems(item);
        }

        @POST
        public FormValidation doCheckProject(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.check(item, FormField.PROJECT, value);
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.check(item, FormField.NAME, value);
        }

        @POST
        public FormValidation doCheckNames(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.check(item, FormField.NAMES, value);
        }

        @POST
        public FormValidation doCheckRecoveryWindowDays(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.check(item, FormField.RECOVERY_WINDOW_DAYS, value);
        }

        @POST
        public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.check(item, FormField.ENDPOINT, value);
        }

        @POST
        public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.check(item, FormField.REGION, value);
        }
    }
}
