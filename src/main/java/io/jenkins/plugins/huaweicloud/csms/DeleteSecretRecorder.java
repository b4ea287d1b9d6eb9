package io.jenkins.plugins.huaweicloud.csms;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import java.io.IOException;
import java.util.Objects;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Post-build action "Delete Huawei Cloud CSMS secrets after the build": teardown. Publishers run after the build steps
 * whatever their result, and this one before the build is finalized (Publisher's default), so it can still change the
 * result. Its fields are its {@link SecretDeletion}, the same as {@link DeleteSecretBuilder}'s.
 */
public final class DeleteSecretRecorder extends Recorder implements SimpleBuildStep {

    private final SecretDeletion deletion;

    @DataBoundConstructor
    public DeleteSecretRecorder(SecretDeletion deletion) {
        this.deletion = Objects.requireNonNullElseGet(deletion, () -> new SecretDeletion(null));
    }

    public SecretDeletion getDeletion() {
        return deletion;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        deletion.perform(run, listener);
    }

    /** Not BuildStep's default BUILD: a teardown does not wait for the previous build's. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    @Symbol("deleteHuaweiCloudSecretAfterBuild")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.DeleteSecretRecorder_DisplayName();
        }
    }
}
