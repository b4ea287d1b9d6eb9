package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.ListingException;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretLister;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;

/**
 * A read-only, authenticated CSMS call for "Test connection": reads the first page of the project's secret list and
 * stops. Nothing is deleted and no secret value is read.
 */
final class CsmsProbe {

    private CsmsProbe() {}

    /**
     * Reads one page of secret names.
     *
     * @throws ListingException when CSMS refuses the token or cannot be reached (message safe to show)
     */
    static void readOnePage(
            @NonNull Endpoint endpoint,
            @NonNull TokenSource tokens,
            @NonNull ProjectId project,
            @NonNull ClientSettings settings)
            throws ListingException, InterruptedException {
        CsmsClient client = CsmsClient.builder()
                .endpoint(endpoint)
                .tokenSource(tokens)
                .settings(settings)
                .httpClient(CredentialResolver.proxied())
                .build();
        try {
            new SecretLister(client).forEachName(project, name -> {
                throw new FirstPageRead();
            });
        } catch (FirstPageRead e) {
            // The first page answered: that is all the test needs.
        }
    }

    /** Stops the listing after the first name (the first page has then been read in full). */
    private static final class FirstPageRead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FirstPageRead() {
            super(null, null, false, false);
        }
    }
}
