package io.jenkins.plugins.huaweicloud.csms.bench.sdk;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.csms.v1.CsmsClient;
import com.huaweicloud.sdk.csms.v1.model.DeleteSecretRequest;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The official Huawei Cloud SDK deleting one secret per call: {@code applyAsInt(name)} returns the HTTP status.
 * Compiled against the SDK's own jars only and loaded in its own class loader, so the harness sees nothing but
 * this JDK interface. The SDK signs every request with AK/SK (it has no token mode); the bench's emulator holds this
 * fake pair (EmulatorServer.BENCH_AK/BENCH_SK) and verifies the signatures.
 */
public final class SdkDeleter implements ToIntFunction<String> {
    static final String DUMMY_AK = "BENCHAKEMULATOR0000000";
    static final String DUMMY_SK = "bench-secret-key-for-the-emulator-only-000000";

    private final CsmsClient client;

    /** A client with the SDK's default HTTP settings, for {@code endpoint} (e.g. http://127.0.0.1:PORT). */
    public SdkDeleter(String endpoint, String projectId) {
        BasicCredentials credentials =
                new BasicCredentials().withAk(DUMMY_AK).withSk(DUMMY_SK).withProjectId(projectId);
        this.client = CsmsClient.newBuilder()
                .withCredential(credentials)
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .withEndpoints(List.of(endpoint))
                .build();
    }

    @Override
    public int applyAsInt(String secretName) {
        try {
            return client.deleteSecret(new DeleteSecretRequest().withSecretName(secretName))
                    .getHttpStatusCode();
        } catch (ServiceResponseException e) {
            return e.getHttpStatusCode();
        }
    }
}
