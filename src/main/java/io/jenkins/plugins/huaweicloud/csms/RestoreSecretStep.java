package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code restoreSecret project: '…', name: '…'}: cancels the scheduled deletion of secrets pending deletion. A secret
 * that is not pending is NOT_SCHEDULED (UNSTABLE by default). Options, results and outcomes are those of
 * {@code deleteSecretNow}; its form offers {@code name} and {@code names}.
 */
public class RestoreSecretStep extends DeleteSecretNowStep {

    @DataBoundConstructor
    public RestoreSecretStep(String project) {
        super(project);
    }

    @Override
    DeletionRequest.Builder withOperation(DeletionRequest.Builder request) {
        return request.action(DeletionRequest.Action.RESTORE);
    }

    @Extension
    public static final class DescriptorImpl extends DeletionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "restoreSecret";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RestoreSecretStep_DisplayName();
        }
    }
}
