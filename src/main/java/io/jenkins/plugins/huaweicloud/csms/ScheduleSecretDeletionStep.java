package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code scheduleSecretDeletion project: '…', name: '…', recoveryWindowDays: 7}: asks CSMS to delete the secrets
 * after a recovery window of 7 to 30 days (default 30); until then they are {@code PENDING_DELETE} and
 * {@code restoreSecret} brings them back. Selection, options, results and outcomes are those of
 * {@code deleteSecretNow}.
 */
public class ScheduleSecretDeletionStep extends DeleteSecretNowStep {

    private int recoveryWindowDays;

    @DataBoundConstructor
    public ScheduleSecretDeletionStep(String project) {
        super(project);
    }

    public int getRecoveryWindowDays() {
        return recoveryWindowDays;
    }

    @DataBoundSetter
    public void setRecoveryWindowDays(int recoveryWindowDays) {
        this.recoveryWindowDays = recoveryWindowDays;
    }

    /** Schedules; 0 means not given (the engine's default, 30 days, applies). */
    @Override
    DeletionRequest.Builder withOperation(DeletionRequest.Builder request) {
        return request.action(DeletionRequest.Action.SCHEDULE_DELETION)
                .recoveryDays(DeletionRequest.unlessZero(recoveryWindowDays));
    }

    @Extension
    public static final class DescriptorImpl extends DeletionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "scheduleSecretDeletion";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ScheduleSecretDeletionStep_DisplayName();
        }
    }
}
