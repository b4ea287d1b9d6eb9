package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds signed requests for the emulator's tests with the emulator's own canonical form (which the shared
 * vectors check independently): what it signs and sends is chosen per test.
 */
final class TestSigner {
    static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TestSigner() {}

    /**
     * A request with {@code extraHeaders} (for example X-Project-Id) plus Host and X-Sdk-Date, all signed unless
     * listed in {@code unsigned}.
     */
    static Request sign(
            String method,
            String url,
            String body,
            String ak,
            String sk,
            Instant at,
            Map<String, String> extraHeaders,
            String... unsigned) {
        HttpUrl u = HttpUrl.get(url);
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", u.host() + ":" + u.port());
        headers.put("x-sdk-date", SDK_DATE.format(at));
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        List<String> signed = new ArrayList<>(headers.keySet());
        signed.removeAll(List.of(unsigned));
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        String signature =
                SignatureVerifier.signature(sk, method, u.encodedPath(), u.encodedQuery(), signed, headers::get, bytes);
        Request.Builder b = new Request.Builder().url(u);
        headers.forEach(b::header);
        b.header(
                "Authorization",
                "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=" + String.join(";", signed) + ", Signature="
                        + signature);
        b.method(method, bytes == null ? null : RequestBody.create(bytes, Http.JSON));
        return b.build();
    }
}
