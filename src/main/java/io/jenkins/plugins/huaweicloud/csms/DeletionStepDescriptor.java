package io.jenkins.plugins.huaweicloud.csms;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Pipeline step's form: each web method checks permission first, then asks the engine through
 * {@link FormSupport}. The build step and post-build action have the same methods in
 * {@link DeletionBuildStepDescriptor} (a different Jenkins base class).
 */
public abstract class DeletionStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FlowNode.class);
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
    public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.ENDPOINT, value);
    }

    @POST
    public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormSupport.Field.REGION, value);
    }
}
