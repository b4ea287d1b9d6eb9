package io.jenkins.plugins.huaweicloud.csms.client;

/** How many rows have each outcome, for a build page's summary line. */
public record OutcomeCounts(int success, int unstable, int failure) {

    /**
     * Counts the rows by {@link DeletionRow#getOutcome()}; a row whose outcome is neither {@code SUCCESS} nor
     * {@code UNSTABLE} (say, from a hand-edited build record) counts as a failure, never as a success.
     */
    public static OutcomeCounts of(Iterable<DeletionRow> rows) {
        int success = 0;
        int unstable = 0;
        int failure = 0;
        for (DeletionRow row : rows) {
            String outcome = row.getOutcome();
            if (Outcome.SUCCESS.name().equals(outcome)) {
                success++;
            } else if (Outcome.UNSTABLE.name().equals(outcome)) {
                unstable++;
            } else {
                failure++;
            }
        }
        return new OutcomeCounts(success, unstable, failure);
    }
}
