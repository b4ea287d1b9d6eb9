package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.ProbeResult;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;

/**
 * The CSMS half of "Test connection": the engine's read-only probe ({@link CsmsClient#probe}, one listing request
 * for at most one secret name, one attempt), sent through Jenkins' proxy. Nothing is deleted and no secret value is
 * read.
 */
final class CsmsProbe {

    private CsmsProbe() {}

    /**
     * Asks CSMS whether it accepts the credential (token or signed request) for the project. HTTP, network and token faults come back as a result
     * whose message is safe to show (it never holds a token).
     */
    @NonNull
    static ProbeResult check(
            @NonNull Endpoint endpoint,
            @NonNull Authentication authentication,
            @NonNull ProjectId project,
            @NonNull ClientSettings settings)
            throws InterruptedException {
        CsmsClient client = authentication
                .applyTo(CsmsClient.builder())
                .endpoint(endpoint)
                .settings(settings)
                .httpClient(CredentialResolver.proxied())
                .build();
        return client.probe(project);
    }

    /** The probe's message followed by its HTTP status, error code and request id, e.g. for a form. */
    @NonNull
    static String describe(@NonNull ProbeResult result) {
        StringBuilder s = new StringBuilder(result.message() == null ? "" : result.message());
        s.append(" [");
        s.append(result.status() == 0 ? "no HTTP answer" : "HTTP " + result.status());
        if (result.errorCode() != null) {
            s.append(", error code ").append(result.errorCode());
        }
        s.append(", request id ").append(result.requestId() == null ? "none" : result.requestId());
        return s.append(']').toString();
    }
}
