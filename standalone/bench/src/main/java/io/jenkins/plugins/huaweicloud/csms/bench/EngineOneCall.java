package io.jenkins.plugins.huaweicloud.csms.bench;

import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;

/**
 * Cold-start probe: one {@code CsmsClient.delete} in a fresh JVM without the CLI around it (token from env
 * CSMS_TOKEN), exit 0 on success. Separates the engine's start-up from picocli's.
 */
public final class EngineOneCall {
    private EngineOneCall() {}

    public static void main(String[] args) throws Exception {
        CsmsClient client = CsmsClient.builder()
                .endpoint(Endpoint.of(args[0]))
                .tokenSource(TokenSource.fixed(Token.of(System.getenv("CSMS_TOKEN"))))
                .build();
        DeletionResult result = client.delete(ProjectId.of(args[1]), SecretName.of(args[2]));
        System.out.println(result.toLogLine());
        System.exit(result.status() >= 200 && result.status() < 300 ? 0 : 1);
    }
}
