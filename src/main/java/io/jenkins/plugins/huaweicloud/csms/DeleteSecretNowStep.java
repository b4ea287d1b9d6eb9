package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import io.jenkins.plugins.huaweicloud.csms.client.TagText;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deleteSecretNow project: '…', name: '…'}: deletes Huawei Cloud CSMS secrets immediately and returns the
 * results (a map for {@code name}, a list of maps for {@code names}, {@code prefix} and {@code tags}, the names for a
 * {@code dryRun}). UNSTABLE marks the stage and the build; FAILURE fails the step, unless {@code failOnError: false}.
 * Every value is checked by the engine when the step runs, before any credential is looked up.
 */
public class DeleteSecretNowStep extends Step implements DeletionArguments {

    private final String project;
    private String name;
    private String names;
    private String prefix;
    private String tags;
    private int maxCount;
    private boolean dryRun;
    private boolean failOnError = true;
    private String credentialsId;
    private String endpoint;
    private String region;
    private String iamDomain;
    private String agencyName;
    private String agencyDomain;
    private String ifMissing;
    private int attempts;
    private int timeout;

    @DataBoundConstructor
    public DeleteSecretNowStep(String project) {
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
        this.names = DeletionRequest.normalizeNames(names);
    }

    @CheckForNull
    public String getPrefix() {
        return prefix;
    }

    @DataBoundSetter
    public void setPrefix(String prefix) {
        this.prefix = Util.fixEmptyAndTrim(prefix);
    }

    /**
     * The tags selecting the secrets, one {@code KEY=VALUE} per line; a Jenkinsfile may also give a map such as
     * {@code tags: [env: 'pr-42']} ({@link DeletionStepDescriptor} turns it into these lines).
     */
    @CheckForNull
    public String getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(String tags) {
        this.tags = TagText.normalize(tags);
    }

    public int getMaxCount() {
        return maxCount;
    }

    @DataBoundSetter
    public void setMaxCount(int maxCount) {
        this.maxCount = maxCount;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
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

    DeletionRequest request() {
        return withOperation(toRequest()
                        .prefix(prefix)
                        .tags(TagText.split(tags))
                        .maxCount(DeletionRequest.unlessZero(maxCount))
                        .dryRun(dryRun))
                .build();
    }

    /** What each secret is asked: deleted now here; the scheduling and restoring steps override this. */
    DeletionRequest.Builder withOperation(DeletionRequest.Builder request) {
        return request.action(DeletionRequest.Action.DELETE);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new DeletionStepExecution(this, context);
    }

    @Extension
    public static final class DescriptorImpl extends DeletionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "deleteSecretNow";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeleteSecretNowStep_DisplayName();
        }
    }
}
