package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.List;

/**
 * A request after {@link DeletionJob#plan}: every value validated and resolved (request, then configuration, then
 * built-in default). Nothing has been sent yet; the front end only adds the credential named by
 * {@link #credentialsId()}.
 *
 * @param project the project
 * @param target the secrets to delete
 * @param dryRun only report what would be deleted
 * @param endpoint where CSMS is
 * @param settings attempts, timeouts, deadline and status policy of each call
 * @param credentialsId the credential to use: the request's, else the configured default
 * @param iamEndpoint where a password credential is exchanged for a token
 * @param iamDomain the IAM account (domain) name of a password credential, or null
 * @param notes lines to log before anything is sent (e.g. a name given twice, deleted once)
 * @param concurrency deletions in flight at once
 * @param rate requests per second for the whole run, listing included
 * @param operation what each secret is asked: delete now, schedule the deletion, or restore
 * @param agency the IAM agency an access key credential assumes, or null for none
 */
public record DeletionPlan(
        ProjectId project,
        Target target,
        boolean dryRun,
        Endpoint endpoint,
        ClientSettings settings,
        String credentialsId,
        Endpoint iamEndpoint,
        String iamDomain,
        List<String> notes,
        int concurrency,
        double rate,
        SecretOperation operation,
        Agency agency) {

    public DeletionPlan {
        notes = List.copyOf(notes);
    }

    /** How the request named its secrets. */
    public enum Kind {
        /** One secret: one result. */
        NAME,
        /** Several secrets, each once: a list of results in the order given. */
        NAMES,
        /** The secrets whose names start with a prefix, at most {@code maxCount}: a list sorted by name. */
        PREFIX,
        /** The secrets carrying tags, at most {@code maxCount}: a list sorted by name. */
        TAGS
    }

    /**
     * @param kind how the secrets were named
     * @param names the distinct names for NAME and NAMES (empty for PREFIX)
     * @param prefix the prefix for PREFIX, else null
     * @param maxCount for PREFIX and TAGS, the most secrets it may delete
     * @param tags for TAGS, the tag filters (keys AND, values OR), else empty
     */
    public record Target(Kind kind, List<SecretName> names, String prefix, int maxCount, List<TagFilter> tags) {
        public Target {
            names = List.copyOf(names);
            tags = List.copyOf(tags);
        }
    }
}
