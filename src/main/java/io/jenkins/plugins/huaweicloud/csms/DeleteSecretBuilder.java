package io.jenkins.plugins.huaweicloud.csms;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import java.util.Objects;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Build step "Delete Huawei Cloud CSMS secrets": deletes secrets during the build, immediately or, with a recovery
 * window, as a scheduled (restorable) deletion. Needs no workspace, and waits for no earlier build (Builder's
 * monitor is NONE). Its fields are its {@link SecretDeletion}, the same as {@link DeleteSecretRecorder}'s.
 */
public final class DeleteSecretBuilder extends Builder implements SimpleBuildStep {

    private final SecretDeletion deletion;

    @DataBoundConstructor
    public DeleteSecretBuilder(SecretDeletion deletion) {
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

    @Extension
    @Symbol("deleteHuaweiCloudSecret")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.DeleteSecretBuilder_DisplayName();
        }
    }
}
