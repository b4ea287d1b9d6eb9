package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle symbols {@code deleteHuaweiCloudSecret} and {@code deleteHuaweiCloudSecretAfterBuild} inside a
 * Pipeline. Pipeline would run the build step and the post-build action through its generic {@code step}, which hands
 * them a run and a listener but no flow node, so an UNSTABLE outcome could mark the build but never the stage. A step
 * function name wins over a symbol, so these steps take the calls instead: they are {@code deleteSecretNow} under the
 * freestyle names (same arguments, stage marked as the {@code unstable} step does, results returned), plus the
 * freestyle {@code recoveryWindowDays}, so that a window given there schedules instead of being ignored.
 */
public final class FreestyleSymbolSteps {

    private FreestyleSymbolSteps() {}

    /** The freestyle steps' choice: 0 (not given) deletes immediately, 7 to 30 schedules with that window. */
    public abstract static class FreestyleSymbolStep extends DeleteSecretNowStep {
        private int recoveryWindowDays;

        protected FreestyleSymbolStep(String project) {
            super(project);
        }

        public int getRecoveryWindowDays() {
            return recoveryWindowDays;
        }

        @DataBoundSetter
        public void setRecoveryWindowDays(int recoveryWindowDays) {
            this.recoveryWindowDays = recoveryWindowDays;
        }

        @Override
        DeletionRequest.Builder withOperation(DeletionRequest.Builder request) {
            return request.deleteOrSchedule(DeletionRequest.unlessZero(recoveryWindowDays));
        }
    }

    /** {@code deleteHuaweiCloudSecret} in a Pipeline. */
    public static final class DeleteHuaweiCloudSecret extends FreestyleSymbolStep {
        @DataBoundConstructor
        public DeleteHuaweiCloudSecret(String project) {
            super(project);
        }

        @Extension
        public static final class DescriptorImpl extends DeletionStepDescriptor {
            @Override
            public String getFunctionName() {
                return "deleteHuaweiCloudSecret";
            }

            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.DeleteSecretBuilder_DisplayName();
            }
        }
    }

    /** {@code deleteHuaweiCloudSecretAfterBuild} in a Pipeline: deletes at once (use it in {@code post}). */
    public static final class DeleteHuaweiCloudSecretAfterBuild extends FreestyleSymbolStep {
        @DataBoundConstructor
        public DeleteHuaweiCloudSecretAfterBuild(String project) {
            super(project);
        }

        @Extension
        public static final class DescriptorImpl extends DeletionStepDescriptor {
            @Override
            public String getFunctionName() {
                return "deleteHuaweiCloudSecretAfterBuild";
            }

            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.DeleteSecretRecorder_DisplayName();
            }
        }
    }
}
