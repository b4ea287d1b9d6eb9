package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Authentication;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's deletion path: one {@link CsmsClient} and one credential for all names, deleted in order with the
 * demo's short waits ({@code csms delete} runs the engine's {@code DeletionJob}).
 */
final class DeletionRun {
    private final CsmsClient client;

    DeletionRun(
            Endpoint endpoint,
            Authentication credentials,
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
