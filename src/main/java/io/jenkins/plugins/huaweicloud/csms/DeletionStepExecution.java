package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionReport;
import io.jenkins.plugins.huaweicloud.csms.client.StoppableTask;
import io.jenkins.plugins.huaweicloud.csms.client.StoppableTask.Completion;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/** deleteSecretNow as the engine's {@link StoppableTask}: the step ends only once the deletion has really ended. */
@SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "onResume fails the step")
final class DeletionStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    // The class loader sanity keeps threads made from the CPS VM thread off its Groovy class loader (JENKINS-49206).
    private static final Executor THREADS = Executors.newCachedThreadPool(new NamingThreadFactory(
            new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), DeletionStepExecution.class.getName()));

    private final transient DeleteSecretNowStep step;
    private final StoppableTask<Object> task = new StoppableTask<>(); // read back from program.dat as never started

    DeletionStepExecution(DeleteSecretNowStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        Authentication auth = Jenkins.getAuthentication2();
        task.start(THREADS, () -> run(auth), Completion.of(getContext()::onSuccess, getContext()::onFailure));
        return false;
    }

    private Object run(Authentication auth) throws Exception {
        try (ACLContext ignored = ACL.as2(auth)) {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            DeletionReport report = DeletionRunner.run(run, listener, step.request());
            DeletionRunner.apply(report, run, listener, getContext().get(FlowNode.class), step.isFailOnError());
            return report.value();
        }
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        task.stop(cause);
    }

    @Override
    public void onResume() {
        getContext()
                .onFailure(new AbortException("Jenkins restarted during a deletion; see the build page for what"
                        + " was deleted, and run the step again for the rest."));
    }

    @Override
    public String getStatus() {
        return task.status();
    }

    @Override
    public boolean blocksRestart() {
        return task.isRunning();
    }
}
