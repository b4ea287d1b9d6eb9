package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** okhttp set up for a token-bearing client: the library's defaults are wrong for that in several ways. */
final class HttpClients {
    private HttpClients() {}

    static OkHttpClient.Builder configure(OkHttpClient.Builder b, ClientSettings s) {
        return b
                // A redirect would carry X-Auth-Token to wherever Location points (okhttp strips only
                // Authorization): a 3xx is reported, never followed.
                .followRedirects(false)
                .followSslRedirects(false)
                // okhttp would silently resend after some connection failures; retries happen in our own
                // counted loop instead.
                .retryOnConnectionFailure(false)
                .connectTimeout(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(s.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(s.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // A slow drip of bytes never trips the per-read timeout, so every call is bounded as a whole, by
                // InterruptWatch (see HttpExchange) rather than okhttp's call timeout, which costs a watchdog
                // hand-off per call.
                .callTimeout(0, TimeUnit.MILLISECONDS);
    }
}
