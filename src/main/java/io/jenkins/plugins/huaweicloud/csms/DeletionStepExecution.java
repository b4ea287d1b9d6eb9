package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionReport;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs {@code deleteSecretNow} on its own thread, never on the CPS VM thread.
 *
 * <p>Not a {@code SynchronousNonBlockingStepExecution}: its {@code stop} completes the step at once while the worker
 * still runs, which then logs to, and records rows on, a build whose step has ended. Here {@link #stop} only
 * interrupts the worker (the engine cancels the HTTP call in flight); the worker ends the step with the stop's cause
 * once the call has ended and its rows are recorded.
 */
@SuppressFBWarnings(
        value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
        justification = "used only while the step runs; after a restart onResume fails the step")
final class DeletionStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(
            new NamingThreadFactory(new DaemonThreadFactory(), DeletionStepExecution.class.getName()));

    private final transient DeleteSecretNowStep step;

    /** The thread running the deletion, while it runs; guarded by this. */
    private transient Thread worker;

    /** Why the step was stopped, once it was; guarded by this. */
    private transient Throwable stopCause;

    DeletionStepExecution(DeleteSecretNowStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        Authentication auth = Jenkins.getAuthentication2();
        THREADS.execute(() -> work(auth));
        return false;
    }

    private void work(Authentication auth) {
        synchronized (this) {
            if (stopCause != null) {
                getContext().onFailure(stopCause);
                return;
            }
            worker = Thread.currentThread();
        }
        Object value = null;
        Throwable failure = null;
        try (ACLContext ignored = ACL.as2(auth)) {
            value = run();
        } catch (Throwable t) { // everything ends the step, one way or the other
            failure = t;
        }
        Throwable stopped;
        synchronized (this) {
            worker = null;
            stopped = stopCause;
        }
        Thread.interrupted(); // a pooled thread must not keep the abort's interrupt
        end(value, failure, stopped);
    }

    private void end(Object value, Throwable failure, Throwable stopped) {
        if (stopped != null) {
            if (failure != null && failure != stopped) {
                stopped.addSuppressed(failure);
            }
            getContext().onFailure(stopped);
        } else if (failure != null) {
            getContext().onFailure(failure);
        } else {
            getContext().onSuccess(value);
        }
    }

    private Object run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        DeletionReport report = DeletionRunner.run(run, listener, step.request());
        DeletionRunner.apply(report, run, listener, context.get(FlowNode.class), step.isFailOnError());
        return report.value();
    }

    /** Interrupts the deletion; the worker ends the step once the call in flight has been cancelled. */
    @Override
    public void stop(@NonNull Throwable cause) {
        Thread running;
        synchronized (this) {
            if (stopCause == null) {
                stopCause = cause;
            }
            running = worker;
        }
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public void onResume() {
        getContext()
                .onFailure(new AbortException("Jenkins restarted during a deletion; see the build page for what was"
                        + " deleted, and run the step again for the rest."));
    }

    @Override
    public String getStatus() {
        synchronized (this) {
            return worker != null ? "deleting on " + worker.getName() : "not deleting";
        }
    }

    @Override
    public boolean blocksRestart() {
        synchronized (this) {
            return worker != null;
        }
    }
}
