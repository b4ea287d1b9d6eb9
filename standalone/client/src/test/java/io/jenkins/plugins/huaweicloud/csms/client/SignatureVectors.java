package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared AK/SK vectors ({@code aksk-signatures.json}, a copy of {@code ../shared/test-vectors/}): Huawei's
 * published examples and signatures made by the official SDK. Each becomes the request and keys to sign and the
 * {@code Authorization} value expected.
 */
record SignatureVectors(
        String name,
        String method,
        String url,
        byte[] body,
        String ak,
        String sk,
        String securityToken,
        Map<String, String> signedHeaders,
        String expectedCanonicalRequest,
        String expectedAuthorization) {

    static List<SignatureVectors> all() {
        JsonNode root;
        try (InputStream in = SignatureVectors.class.getResourceAsStream("/aksk-signatures.json")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SignatureVectors> out = new ArrayList<>();
        for (JsonNode v : root.path("official")) {
            Map<String, String> headers = new LinkedHashMap<>();
            v.path("signedHeaderValues")
                    .fields()
                    .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            out.add(new SignatureVectors(
                    "official: " + v.path("case").asText(),
                    v.path("method").asText(),
                    v.path("url").asText(),
                    body(v),
                    v.path("ak").asText(),
                    v.path("sk").asText(),
                    null,
                    headers,
                    v.path("canonicalRequest").isTextual()
                            ? v.path("canonicalRequest").asText()
                            : null,
                    v.path("authorization").asText()));
        }
        JsonNode keys = root.path("sdkKeys");
        for (JsonNode v : root.path("sdk")) {
            Map<String, String> headers = new LinkedHashMap<>();
            String authorization = null;
            Iterator<Map.Entry<String, JsonNode>> sent = v.path("headersSent").fields();
            while (sent.hasNext()) {
                Map.Entry<String, JsonNode> h = sent.next();
                String lower = h.getKey().toLowerCase(Locale.ROOT);
                if (lower.equals("authorization")) {
                    authorization = h.getValue().asText();
                } else if (!lower.equals("content-type")) {
                    // The SDK signs every header it sends except Content-Type.
                    headers.put(lower, h.getValue().asText());
                }
            }
            out.add(new SignatureVectors(
                    "sdk: " + v.path("case").asText(),
                    v.path("method").asText(),
                    v.path("url").asText(),
                    body(v),
                    keys.path("ak").asText(),
                    keys.path("sk").asText(),
                    v.path("securityToken").isTextual()
                            ? v.path("securityToken").asText()
                            : null,
                    headers,
                    null,
                    authorization));
        }
        return out;
    }

    private static byte[] body(JsonNode v) {
        return v.path("body").isTextual() ? v.path("body").asText().getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public String toString() {
        return name;
    }
}
