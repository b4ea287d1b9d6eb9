package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.FormField;
import io.jenkins.plugins.huaweicloud.csms.client.JenkinsfileArguments;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Pipeline step's form: each web method checks permission first, then asks the engine through
 * {@link FormSupport}. The build step and post-build action have the same methods in
 * {@link SecretDeletion.DescriptorImpl} (a different Jenkins base class).
 *
 * <p>{@code names} and {@code tags} are one text each, so that the form and the Snippet Generator can hold them; as
 * {@link CustomDescribableModel} the descriptor also takes a Jenkinsfile's list of names and map (or list) of tags,
 * and writes them back that way in snippets. The engine ({@link JenkinsfileArguments}) does both translations.
 */
public abstract class DeletionStepDescriptor extends StepDescriptor implements CustomDescribableModel {

    @NonNull
    @Override
    public Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
        return JenkinsfileArguments.toFields(arguments);
    }

    @NonNull
    @Override
    public UninstantiatedDescribable customUninstantiate(@NonNull UninstantiatedDescribable ud) {
        Map<String, ?> arguments = JenkinsfileArguments.toJenkinsfile(ud.getArguments());
        return arguments == ud.getArguments() ? ud : ud.withArguments(arguments);
    }

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
        return FormSupport.check(item, FormField.PROJECT, value);
    }

    @POST
    public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.NAME, value);
    }

    @POST
    public FormValidation doCheckNames(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.NAMES, value);
    }

    @POST
    public FormValidation doCheckPrefix(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.PREFIX, value);
    }

    @POST
    public FormValidation doCheckRecoveryWindowDays(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.RECOVERY_WINDOW_DAYS, value);
    }

    @POST
    public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.TAGS, value);
    }

    @POST
    public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.ENDPOINT, value);
    }

    @POST
    public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.check(item, FormField.REGION, value);
    }
}
