package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionJob;
import io.jenkins.plugins.huaweicloud.csms.client.FormField;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * What the forms of the job-level descriptors share: permission checks first, then the engine's own validation, and
 * credential lists narrowed to those whose domain allows the endpoint the job would use.
 */
final class FormSupport {

    /** Fields whose help lives beside the Pipeline step and is shared by the build step and post-build action. */
    static final List<String> SHARED_FIELDS = List.of(
            "project",
            "name",
            "names",
            "credentialsId",
            "endpoint",
            "region",
            "iamDomain",
            "agencyName",
            "agencyDomain",
            "ifMissing",
            "attempts",
            "timeout");

    private FormSupport() {}

    /** Whether the current user may configure the item (or administer Jenkins when there is no item). */
    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Whether the current user may see which credentials the item can use (credentials consumer guide). */
    private static boolean canListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The domain requirements of the endpoint a job with these values would use (none when it is not known yet). */
    @NonNull
    static List<DomainRequirement> requirementsFor(@CheckForNull String endpoint, @CheckForNull String region) {
        String url = DeletionJob.endpointUrlOrNull(
                endpoint, region, CsmsGlobalConfiguration.get().defaults());
        return URIRequirementBuilder.fromUri(url).build();
    }

    /** The credentials dropdown of a job: only the current value for users who may not list credentials. */
    @NonNull
    static ListBoxModel fillCredentialsIdItems(
            @CheckForNull Item item, String credentialsId, String endpoint, String region) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(credentialsId);
        if (!canListCredentials(item)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(
                        authenticationOf(item),
                        item,
                        StandardCredentials.class,
                        requirementsFor(endpoint, region),
                        CredentialResolver.SUPPORTED_CREDENTIALS)
                .includeCurrentValue(current);
    }

    /** Checks that the selected credentials exist for the item and the endpoint (blank: the global default). */
    @NonNull
    static FormValidation checkCredentialsId(@CheckForNull Item item, String value, String endpoint, String region) {
        String id = Util.fixEmptyAndTrim(value);
        if (!canListCredentials(item)) {
            return FormValidation.ok();
        }
        if (id == null) {
            return FormValidation.ok(Messages.Form_credentialsId_useDefault());
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning(Messages.Form_credentialsId_expression());
        }
        if (CredentialsProvider.listCredentialsInItem(
                        StandardCredentials.class,
                        item,
                        authenticationOf(item),
                        requirementsFor(endpoint, region),
                        CredentialsMatchers.withId(id))
                .isEmpty()) {
            return FormValidation.error(Messages.Form_credentialsId_notFound(id));
        }
        return FormValidation.ok();
    }

    /** The ifMissing dropdown: blank for the global default, then the three outcomes. */
    @NonNull
    static ListBoxModel fillIfMissingItems(@CheckForNull Item item) {
        ListBoxModel items = new ListBoxModel();
        if (!canConfigure(item)) {
            return items;
        }
        items.add(Messages.Form_ifMissing_default(CsmsGlobalConfiguration.get().getIfMissing()), "");
        return outcomes(items);
    }

    /** Adds SUCCESS, UNSTABLE and FAILURE to a dropdown. */
    @NonNull
    static ListBoxModel outcomes(@NonNull ListBoxModel items) {
        for (Outcome o : Outcome.values()) {
            items.add(o.name());
        }
        return items;
    }

    /** The engine's verdict on one text field, for users who may configure the item. */
    @NonNull
    static FormValidation check(@CheckForNull Item item, @NonNull FormField field, @CheckForNull String value) {
        return validate(item, () -> field.check(value));
    }

    /**
     * Runs an engine check for users who may configure the item (administrators when there is none): its refusal
     * becomes the form's error, word for word.
     */
    @NonNull
    static FormValidation validate(@CheckForNull Item item, @NonNull Runnable check) {
        if (!canConfigure(item)) {
            return FormValidation.ok();
        }
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static Authentication authenticationOf(@CheckForNull Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
