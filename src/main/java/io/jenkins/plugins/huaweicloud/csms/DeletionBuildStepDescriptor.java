package io.jenkins.plugins.huaweicloud.csms;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.tasks.BuildStep;
import hudson.tasks.BuildStepDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The one descriptor base of the build step and the post-build action: their form (the same web methods as the
 * Pipeline step's {@link DeletionStepDescriptor}, whose Jenkins base class differs) and applicability to every job
 * type. Each subclass points its fields' help at the step's help files.
 */
public abstract class DeletionBuildStepDescriptor<T extends BuildStep & Describable<T>> extends BuildStepDescriptor<T> {

    @SuppressWarnings("rawtypes")
    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(
            @AncestorInPath Item item,
            @QueryParameter String credentialsId,
            @QueryParameter String endpoint,
            @QueryParameter String region) {
        return FormSupport.fillCredentialsIdItems(item, credentialsId, endpoint, region);
    }

    @POST
    public FormValidation doCheckCredentialsId(
            @AncestorInPath Item item,
            @QueryParameter String value,
            @QueryParameter String endpoint,
            @QueryParameter String region) {
        return FormSupport.checkCredentialsId(item, value, endpoint, region);
    }

    @POST
    public ListBoxModel doFillIfMissingItems(@AncestorInPath Item item) {
        return FormSupport.fillIfMissingItems(item);
    }

    @POST
    public FormValidation doCheckProject(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.PROJECT, value);
    }

    @POST
    public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.NAME, value);
    }

    @POST
    public FormValidation doCheckNames(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.NAMES, value);
    }

    @POST
    public FormValidation doCheckPrefix(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.PREFIX, value);
    }

    @POST
    public FormValidation doCheckRecoveryWindowDays(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.RECOVERY_WINDOW_DAYS, value);
    }

    @POST
    public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.ENDPOINT, value);
    }

    @POST
    public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.REGION, value);
    }
}
