package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.BatchDeletion;
import io.jenkins.plugins.huaweicloud.csms.client.BatchSummary;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.ListingException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.PrefixTeardown;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The deletion path shared by {@code csms delete} and {@code csms demo}: one {@link CsmsClient} and one credential
 * for all names, each result handed on as soon as it is known.
 */
final class DeletionRun {
    private final CsmsClient client;

    DeletionRun(
            Endpoint endpoint,
            RunCredentials credentials,
            ClientSettings settings,
            CliContext ctx,
            Consumer<String> progress) {
        this.client = credentials
                .applyTo(CsmsClient.builder())
                .endpoint(endpoint)
                .settings(settings)
                .sleeper(ctx.sleeper())
                .clock(ctx.clock())
                .progress(progress)
                .build();
    }

    /**
     * Deletes the names with bounded concurrency at a shared rate; each result is handed on as it finishes (in
     * input order only with a concurrency of 1). Nothing is kept per secret.
     */
    BatchSummary deleteBatch(
            ProjectId project, List<SecretName> names, int concurrency, double rate, Consumer<DeletionResult> onResult)
            throws InterruptedException {
        return BatchDeletion.of(client).concurrency(concurrency).rate(rate).run(project, names, onResult);
    }

    /** Lists the project and picks the names that start with the prefix; sends no DELETE. */
    PrefixTeardown.Plan planPrefix(ProjectId project, String prefix, int maxCount)
            throws ListingException, InterruptedException {
        return PrefixTeardown.plan(client, project, prefix, maxCount);
    }

    /** Deletes each name in order; returns the results in the same order. */
    List<DeletionResult> deleteEach(ProjectId project, List<SecretName> names, Consumer<DeletionResult> onResult)
            throws InterruptedException {
        List<DeletionResult> results = new ArrayList<>(names.size());
        for (SecretName name : names) {
            DeletionResult r = client.delete(project, name);
            results.add(r);
            onResult.accept(r);
        }
        return results;
    }

    static Outcome worst(List<DeletionResult> results) {
        return Outcome.worstOf(results.stream().map(DeletionResult::outcome).toList());
    }
}
