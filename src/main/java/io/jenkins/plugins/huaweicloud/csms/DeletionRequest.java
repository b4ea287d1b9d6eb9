package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arguments of one deletion as a front end (Pipeline step, build step, post-build action) received them, before
 * validation. Unset values are {@code null} (numbers: 0) and come from {@link CsmsGlobalConfiguration}.
 *
 * @param project the project id, as given
 * @param name one secret name, or null when {@code names} is used
 * @param names several secret names, or null when {@code name} is used
 * @param credentialsId the job's credentials id, or null for the global default
 * @param endpoint the job's CSMS endpoint URL, or null
 * @param region the job's region, or null
 * @param iamDomain the job's IAM account (domain) name, or null
 * @param ifMissing SUCCESS, UNSTABLE or FAILURE for an already absent secret, or null
 * @param attempts attempts in all, or 0 for the global default
 * @param timeoutSeconds whole-call timeout of one attempt, or 0 for the global default
 * @param prefix delete every secret whose name starts with this, or null when {@code name} or {@code names} is used
 *     (Pipeline step only)
 * @param maxCount with {@code prefix}: the most secrets it may delete (more matches: nothing is deleted), or 0 for
 *     the default of 100
 * @param dryRun with {@code prefix}: only list and report what would be deleted
 */
@SuppressFBWarnings(
        value = {"EI_EXPOSE_REP", "EI_EXPOSE_REP2"},
        justification = "names is replaced by an unmodifiable copy in the compact constructor")
record DeletionRequest(
        @CheckForNull String project,
        @CheckForNull String name,
        @CheckForNull List<String> names,
        @CheckForNull String credentialsId,
        @CheckForNull String endpoint,
        @CheckForNull String region,
        @CheckForNull String iamDomain,
        @CheckForNull String ifMissing,
        int attempts,
        int timeoutSeconds,
        @CheckForNull String prefix,
        int maxCount,
        boolean dryRun) {

    DeletionRequest {
        names = names == null ? null : Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** A request for {@code name} or {@code names}, as the freestyle build step and post-build action make. */
    static DeletionRequest forNames(
            @CheckForNull String project,
            @CheckForNull String name,
            @CheckForNull List<String> names,
            @CheckForNull String credentialsId,
            @CheckForNull String endpoint,
            @CheckForNull String region,
            @CheckForNull String iamDomain,
            @CheckForNull String ifMissing,
            int attempts,
            int timeoutSeconds) {
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
                timeoutSeconds,
                null,
                0,
                false);
    }

    /** Whether the job chose where the request goes, instead of the administrator. */
    boolean overridesEndpoint() {
        return endpoint != null || region != null;
    }

    @NonNull
    @Override
    public String toString() {
        // No secret is held here, but keep log output short and predictable.
        return "DeletionRequest[project=" + project + ", name=" + name + ", names=" + names + ", prefix=" + prefix
                + ", maxCount=" + maxCount + ", dryRun=" + dryRun + "]";
    }
}
