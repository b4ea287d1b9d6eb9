package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Map;

/**
 * How a front end calls the request's fields, so that the deletion job's messages name what the user typed
 * ({@code maxCount} in a Jenkinsfile, {@code --max-count} on the command line). The decisions stay in the job.
 *
 * @param labels a field's label by its name in {@link DeletionRequest} (a missing one is shown as the field name)
 * @param noTarget the sentence for a request that names no secret
 * @param twoTargets the sentence for a request that names secrets in more than one way
 * @param defaultsHint appended where a value may also come from a configuration page (empty when there is none)
 */
public record ArgumentNames(Map<String, String> labels, String noTarget, String twoTargets, String defaultsHint) {

    /** The Pipeline step, build step and post-build action: the field names as written in a Jenkinsfile. */
    public static final ArgumentNames JENKINS = new ArgumentNames(
            Map.of("recoveryDays", "recoveryWindowDays"),
            "Secret name is missing: give name (one secret), names (several), prefix (every secret whose name"
                    + " starts with it) or tags (every secret carrying them).",
            "Give exactly one of name, names, prefix and tags.",
            ", or set one in Manage Jenkins > System > Huawei Cloud CSMS");

    public ArgumentNames {
        labels = Map.copyOf(labels);
    }

    /** The label of a {@link DeletionRequest} field. */
    public String of(String field) {
        return labels.getOrDefault(field, field);
    }
}
