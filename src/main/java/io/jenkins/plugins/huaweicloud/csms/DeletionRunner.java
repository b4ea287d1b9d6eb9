package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.huaweicloud.csms.client.ArgumentNames;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionJob;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionPlan;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRefusedException;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionReport;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.JobListener;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Runs the engine's deletion job for a build, for every front end: the request and the global configuration go in,
 * the job's lines go to the build log and its results to the build page. The job decides; this only maps.
 */
final class DeletionRunner {

    static final String LOG_PREFIX = "[Huawei Cloud CSMS] ";

    private DeletionRunner() {}

    /**
     * Plans, finds the credential, runs. The rows are recorded before this returns or throws, so nothing reaches the
     * build after the step ended.
     *
     * @throws AbortException for invalid input, unusable credentials, a failed listing or a prefix matching too many
     *     secrets (one line, never a secret; nothing was deleted)
     * @throws InterruptedException when the build is aborted; the engine cancels the calls in flight first
     */
    @NonNull
    static DeletionReport run(@NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull DeletionRequest request)
            throws AbortException, InterruptedException {
        List<DeletionResult> rows = new CopyOnWriteArrayList<>();
        try {
            DeletionPlan plan =
                    DeletionJob.plan(request, CsmsGlobalConfiguration.get().defaults(), ArgumentNames.JENKINS);
            CsmsClient.Builder client = CredentialResolver.authentication(run, plan)
                    .applyTo(CsmsClient.builder())
                    .httpClient(CredentialResolver.proxied());
            return DeletionJob.run(plan, client, new BuildLog(listener.getLogger(), rows));
        } catch (InvalidInputException | DeletionRefusedException e) {
            throw new AbortException(e.getMessage());
        } finally {
            CsmsDeletionAction.record(run, rows);
        }
    }

    /**
     * Shows the job's outcome on the build the way the built-in {@code unstable} step does (the stage too, when there
     * is a flow node), and fails the step when the report says so.
     */
    static void apply(
            @NonNull DeletionReport report,
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @CheckForNull FlowNode node,
            boolean failOnError)
            throws AbortException {
        listener.getLogger().println(LOG_PREFIX + report.summary());
        if (report.failsTheStep(failOnError)) {
            throw new AbortException(report.reason());
        }
        if (report.worst() == Outcome.SUCCESS) {
            return;
        }
        Result result = Result.fromString(report.worst().name());
        run.setResult(result);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(result).withMessage(report.reason()));
        }
        listener.getLogger().println(LOG_PREFIX + "WARNING: " + report.reason());
    }

    /** The job's lines to the build log; its results kept for the build page. */
    private record BuildLog(PrintStream log, List<DeletionResult> rows) implements JobListener {
        @Override
        public void log(String line) {
            log.println(LOG_PREFIX + line);
        }

        @Override
        public void result(DeletionResult result) {
            rows.add(result);
        }
    }
}
