package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Post-build action "Delete Huaweicloud CSMS secret after the build": teardown of secrets a build created. Publishers
 * run after the build steps whatever their result (also after a failure or an abort), so the secrets are deleted even
 * when the build failed. UNSTABLE marks the build unstable; FAILURE marks it failed. Pipeline symbol
 * {@code deleteHuaweiCloudSecretAfterBuild} (in a Pipeline, prefer {@code post { always { deleteSecretNow ... } } }).
 */
public final class DeleteSecretRecorder extends Recorder implements SimpleBuildStep {

    private final String project;
    private String name;
    private String names;
    private String credentialsId;
    private String endpoint;
    private String region;
    private String iamDomain;
    private String ifMissing;
    private int attempts;
    private int timeout;

    @DataBoundConstructor
    public DeleteSecretRecorder(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    @CheckForNull
    public String getProject() {
        return project;
    }

    @CheckForNull
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    /** @return several names separated by spaces, commas or line breaks, or null */
    @CheckForNull
    public String getNames() {
        return names;
    }

    @DataBoundSetter
    public void setNames(String names) {
        this.names = Util.fixEmptyAndTrim(names);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @CheckForNull
    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
    }

    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    @CheckForNull
    public String getIamDomain() {
        return iamDomain;
    }

    @DataBoundSetter
    public void setIamDomain(String iamDomain) {
        this.iamDomain = Util.fixEmptyAndTrim(iamDomain);
    }

    @CheckForNull
    public String getIfMissing() {
        return ifMissing;
    }

    @DataBoundSetter
    public void setIfMissing(String ifMissing) {
        this.ifMissing = Util.fixEmptyAndTrim(ifMissing);
    }

    public int getAttempts() {
        return attempts;
    }

    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public int getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    DeletionRequest toRequest() {
        List<String> list = names == null ? null : FormSupport.splitNames(names);
        return DeletionRequest.forNames(
                project, name, list, credentialsId, endpoint, region, iamDomain, ifMissing, attempts, timeout);
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        SecretDeleter.deleteForBuildStep(run, listener, toRequest());
    }

    /** Runs with the other publishers, before the build is finalized, so it can still change the result. */
    @Override
    public boolean needsToRunAfterFinalized() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    @Symbol("deleteHuaweiCloudSecretAfterBuild")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        public DescriptorImpl() {
            for (String field : FormSupport.SHARED_FIELDS) {
                addHelpFileRedirect(field, DeleteSecretNowStep.class, field);
            }
            addHelpFileRedirect("names", DeleteSecretBuilder.class, "names");
        }

        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeleteSecretRecorder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormSupport.fillCredentialsIdItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.checkCredentialsId(item, value);
        }

        @POST
        public ListBoxModel doFillIfMissingItems(@AncestorInPath Item item) {
            return FormSupport.canConfigure(item) ? FormSupport.fillIfMissingItems() : new ListBoxModel();
        }

        @POST
        public FormValidation doCheckProject(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkProject(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkName(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckNames(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkNames(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkEndpoint(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkRegion(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckAttempts(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item)
                    ? FormSupport.checkRange(value, 1, ClientSettings.MAX_ATTEMPTS)
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkRange(value, 1, 1800) : FormValidation.ok();
        }
    }
}
