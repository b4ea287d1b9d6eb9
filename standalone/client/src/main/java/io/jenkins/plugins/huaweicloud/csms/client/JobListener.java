package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * Where a {@link DeletionJob} reports while it runs: a build log, a terminal. Called from worker threads; a result
 * is never reported concurrently with another result, but a retry line may come at any time.
 */
public interface JobListener {
    /** A line for a person: progress, retries, one line per secret (without a front end's prefix). */
    void log(String line);

    /** A secret's result, as soon as it is known. */
    default void result(DeletionResult result) {}

    /** A dry run's secret that a real run would delete. */
    default void wouldDelete(SecretName name) {}
}
