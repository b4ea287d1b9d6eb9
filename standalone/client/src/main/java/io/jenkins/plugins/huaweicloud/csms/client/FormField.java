package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.function.Consumer;

/**
 * The text fields of a deletion form (the Pipeline step's and the freestyle steps' in Jenkins) and the engine's check
 * of each, so that a form refuses exactly what a run would refuse, in the same words. Blank is fine for every field
 * but the project, which a run cannot do without.
 */
public enum FormField {
    PROJECT(ProjectId::of),
    NAME(SecretName::of),
    NAMES(v -> DeletionRequest.splitNames(v).forEach(SecretName::of)),
    PREFIX(PrefixTeardown::checkPrefix),
    ENDPOINT(Endpoint::of),
    REGION(Endpoint::checkRegion),
    TAGS(v -> TagFilter.parse(TagText.split(v))),
    RECOVERY_WINDOW_DAYS(SecretOperation::checkRecoveryDaysField);

    private final Consumer<String> rule;

    FormField(Consumer<String> rule) {
        this.rule = rule;
    }

    /**
     * Checks a value as typed in the form (surrounding blanks ignored).
     *
     * @throws InvalidInputException with the message the form shows, saying what is allowed
     */
    public void check(String value) {
        String v = DeletionRequest.blankToNull(value);
        if (v != null) {
            rule.accept(v);
        } else if (this == PROJECT) {
            ProjectId.of(null);
        }
    }
}
