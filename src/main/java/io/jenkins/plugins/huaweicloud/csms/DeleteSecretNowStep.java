package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code deleteSecretNow project: '…', name: '…'}: deletes a Huawei Cloud CSMS secret immediately. Returns a map
 * (a list of maps for {@code names} and {@code prefix}; the list of names for a {@code dryRun}); an UNSTABLE outcome
 * marks the step and the build unstable, a FAILURE fails the step with a one-line reason.
 */
public final class DeleteSecretNowStep extends Step {

    private final String project;
    private String name;
    private List<String> names;
    private String credentialsId;
    private String endpoint;
    private String region;
    private String iamDomain;
    private String ifMissing;
    private int attempts;
    private int timeout;
    private String prefix;
    private int maxCount;
    private boolean dryRun;

    @DataBoundConstructor
    public DeleteSecretNowStep(String project) {
        // Validated when the step runs, so a bad value fails the step with a clear message instead of an
        // instantiation error, and before any credential is looked up.
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

    /** One secret name (or use {@link #setNames}). */
    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    @CheckForNull
    public List<String> getNames() {
        return names == null ? null : Collections.unmodifiableList(names);
    }

    /** Several secret names, deleted one after the other (or use {@link #setName}). */
    @DataBoundSetter
    public void setNames(List<String> names) {
        this.names = names == null ? null : new ArrayList<>(names);
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

    /** SUCCESS, UNSTABLE or FAILURE for a secret that is already absent; blank for the global default. */
    @DataBoundSetter
    public void setIfMissing(String ifMissing) {
        this.ifMissing = Util.fixEmptyAndTrim(ifMissing);
    }

    public int getAttempts() {
        return attempts;
    }

    /** Attempts in all, 1 to 10; 0 for the global default. */
    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public int getTimeout() {
        return timeout;
    }

    /** Whole-call timeout of one attempt in seconds; 0 for the global default. */
    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    @CheckForNull
    public String getPrefix() {
        return prefix;
    }

    /**
     * Deletes every secret of the project whose name starts with this (at least 3 characters), instead of
     * {@link #setName} or {@link #setNames}; nothing is deleted when more than {@link #setMaxCount} match.
     */
    @DataBoundSetter
    public void setPrefix(String prefix) {
        this.prefix = Util.fixEmptyAndTrim(prefix);
    }

    public int getMaxCount() {
        return maxCount;
    }

    /** With {@code prefix}: the most secrets it may delete, 1 to 10000; 0 for the default (100). */
    @DataBoundSetter
    public void setMaxCount(int maxCount) {
        this.maxCount = maxCount;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** With {@code prefix}: only list and log the names that would be deleted, and return them. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    DeletionRequest toRequest() {
        return new DeletionRequest(
                project,
                name,
                names,
                credentialsId,
                endpoint,
                region,
                iamDomain,
                ifMissing,
                attempts,
                timeout,
                prefix,
                maxCount,
                dryRun);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a pooled thread, never on the CPS VM thread; an abort interrupts it and cancels the HTTP call. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Object> {
        private static final long serialVersionUID = 1L;

        private final transient DeleteSecretNowStep step;

        Execution(DeleteSecretNowStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Object run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            DeletionRequest request = step.toRequest();
            SecretDeleter.Report report = SecretDeleter.run(run, listener, request);
            List<String> wouldDelete = report.wouldDelete();
            if (wouldDelete != null) {
                // A dry run: the names a real run would delete; nothing was deleted.
                return new ArrayList<>(wouldDelete);
            }
            List<DeletionResult> results = report.results();
            Outcome worst = SecretDeleter.worst(results);
            if (worst == Outcome.FAILURE) {
                throw new AbortException(SecretDeleter.reason(results));
            }
            if (worst == Outcome.UNSTABLE) {
                // As the built-in "unstable" step does: the stage and the build show UNSTABLE.
                String message = SecretDeleter.reason(results);
                context.get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
                run.setResult(Result.UNSTABLE);
                listener.getLogger().println(SecretDeleter.LOG_PREFIX + "WARNING: " + message);
            }
            if (request.name() != null) {
                return SecretDeleter.toStepValue(results.get(0));
            }
            List<Map<String, Object>> values = new ArrayList<>(results.size());
            for (DeletionResult r : results) {
                values.add(SecretDeleter.toStepValue(r));
            }
            return values;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "deleteSecretNow";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeleteSecretNowStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
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
        public FormValidation doCheckPrefix(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkPrefix(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckMaxCount(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item)
                    ? FormSupport.checkRange(value, 1, SecretDeleter.MAX_PREFIX_COUNT)
                    : FormValidation.ok();
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
