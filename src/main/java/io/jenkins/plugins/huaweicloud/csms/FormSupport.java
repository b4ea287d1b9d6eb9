package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.PrefixTeardown;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Form validation and fill logic shared by the job-level descriptors (Pipeline step, build step, post-build action).
 * Each descriptor exposes it through its own {@code @POST} web methods; permission checks come first.
 */
final class FormSupport {

    /** Fields whose help lives beside the Pipeline step and is shared by the build step and post-build action. */
    static final List<String> SHARED_FIELDS = List.of(
            "project", "name", "credentialsId", "endpoint", "region", "iamDomain", "ifMissing", "attempts", "timeout");

    private FormSupport() {}

    /** Whether the current user may configure the item (or administer Jenkins when there is no item). */
    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Whether the current user may see which credentials the item can use (credentials consumer guide). */
    static boolean canListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The credentials dropdown of a job: only the current value for users who may not list credentials. */
    @NonNull
    static ListBoxModel fillCredentialsIdItems(@CheckForNull Item item, @CheckForNull String credentialsId) {
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
                        List.of(),
                        CredentialResolver.SUPPORTED_CREDENTIALS)
                .includeCurrentValue(current);
    }

    /** Checks that the selected credentials exist for the item (blank: the global default applies). */
    @NonNull
    static FormValidation checkCredentialsId(@CheckForNull Item item, @CheckForNull String value) {
        if (!canListCredentials(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
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
                        List.of(),
                        CredentialsMatchers.withId(id))
                .isEmpty()) {
            return FormValidation.error(Messages.Form_credentialsId_notFound(id));
        }
        return FormValidation.ok();
    }

    /** The ifMissing dropdown: blank for the global default, then the three outcomes. */
    @NonNull
    static ListBoxModel fillIfMissingItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.Form_ifMissing_default(CsmsGlobalConfiguration.get().getIfMissing()), "");
        for (Outcome o : Outcome.values()) {
            items.add(o.name());
        }
        return items;
    }

    @NonNull
    static FormValidation checkProject(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.error(Messages.Form_project_required());
        }
        return validate(() -> ProjectId.of(v));
    }

    @NonNull
    static FormValidation checkName(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return validate(() -> SecretName.of(v));
    }

    /** Checks a name prefix (blank is fine: name or names is used instead). */
    @NonNull
    static FormValidation checkPrefix(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return validate(() -> PrefixTeardown.checkPrefix(v));
    }

    /** Checks a list of names separated by spaces, commas or line breaks (freestyle forms). */
    @NonNull
    static FormValidation checkNames(@CheckForNull String value) {
        for (String n : splitNames(value)) {
            FormValidation v = validate(() -> SecretName.of(n));
            if (v.kind != FormValidation.Kind.OK) {
                return v;
            }
        }
        return FormValidation.ok();
    }

    @NonNull
    static FormValidation checkEndpoint(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return validate(() -> Endpoint.of(v));
    }

    @NonNull
    static FormValidation checkRegion(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return validate(() -> Endpoint.checkRegion(v));
    }

    /** A whole number from min to max; blank or 0 means "use the default". */
    @NonNull
    static FormValidation checkRange(@CheckForNull String value, int min, int max) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null || v.equals("0")) {
            return FormValidation.ok();
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(Messages.Form_range(min, max));
    }

    /** Splits a freestyle "names" field: spaces, commas and line breaks separate names; blanks are dropped. */
    @NonNull
    static List<String> splitNames(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return List.of();
        }
        return List.of(v.split("[\\s,]+"));
    }

    private static Authentication authenticationOf(@CheckForNull Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static FormValidation validate(Runnable check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
