package io.jenkins.plugins.huaweicloud.csms.client;

/** Counts of a finished batch; its outcome is the worst of its items (SUCCESS for an empty batch). */
public record BatchSummary(int total, int succeeded, int unstable, int failed, int throttledAnswers, Outcome worst) {

    @Override
    public String toString() {
        return total + " secrets: " + succeeded + " SUCCESS, " + unstable + " UNSTABLE, " + failed + " FAILURE ("
                + throttledAnswers + " throttled answers); outcome " + worst;
    }
}
