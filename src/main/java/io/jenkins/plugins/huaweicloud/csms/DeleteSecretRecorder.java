package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Post-build action "Delete Huawei Cloud CSMS secrets after the build": teardown of secrets a build created.
 * Publishers run after the build steps whatever their result, so the secrets are deleted even when the build failed.
 * UNSTABLE marks the build unstable; FAILURE marks it failed. Its fields are those of {@link DeleteSecretBuilder}.
 */
public final class DeleteSecretRecorder extends Recorder implements SimpleBuildStep, DeletionArguments {

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
    public DeleteSecretRecorder(String project) {
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
        this.names = Util.fixEmptyAndTrim(names);
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

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, java.io.IOException {
        DeletionRunner.apply(DeletionRunner.run(run, listener, request()), run, listener, null, true);
    }

    /** Runs with the other publishers, before the build is finalized, so it can still change the result. */
    @Override
    public boolean needsToRunAfterFinalized() {
        return false;
    }

    private DeletionRequest request() {
        return toRequest()
                .deleteOrSchedule(DeletionRequest.unlessZero(recoveryWindowDays))
                .build();
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    @Symbol("deleteHuaweiCloudSecretAfterBuild")
    public static final class DescriptorImpl extends DeletionBuildStepDescriptor<Publisher> {
        public DescriptorImpl() {
            for (String field : FormSupport.SHARED_FIELDS) {
                addHelpFileRedirect(field, DeleteSecretNowStep.class, field);
            }
            addHelpFileRedirect("recoveryWindowDays", DeleteSecretBuilder.class, "recoveryWindowDays");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeleteSecretRecorder_DisplayName();
        }
    }
}
