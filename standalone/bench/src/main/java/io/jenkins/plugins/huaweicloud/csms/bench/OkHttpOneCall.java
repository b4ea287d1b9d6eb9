package io.jenkins.plugins.huaweicloud.csms.bench;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Cold-start probe: one DELETE with bare okhttp 5 in a fresh JVM (token from env CSMS_TOKEN), exit 0 on 2xx.
 * Usage: {@code java -cp csms-bench.jar ...OkHttpOneCall ENDPOINT PROJECT_ID SECRET_NAME}.
 */
public final class OkHttpOneCall {
    private OkHttpOneCall() {}

    public static void main(String[] args) throws Exception {
        OkHttpClient http = new OkHttpClient();
        Request request = new Request.Builder()
                .url(args[0] + "/v1/" + args[1] + "/secrets/" + args[2])
                .delete()
                .header("X-Auth-Token", System.getenv("CSMS_TOKEN"))
                .build();
        int status;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
        }
        System.out.println("HTTP " + status);
        System.exit(status >= 200 && status < 300 ? 0 : 1);
    }
}
