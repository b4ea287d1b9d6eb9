package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared AK/SK vectors ({@code aksk-signatures.json}, copied from {@code ../shared/test-vectors/}) as requests
 * a gateway receives: method, raw path and query, headers (Authorization included) and body.
 */
record Vectors(
        String name,
        String method,
        URI url,
        Map<String, String> headers,
        byte[] body,
        String secretKey,
        String accessKey,
        String securityToken) {

    static final String SDK_PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    static List<Vectors> all() {
        JsonNode root;
        try (InputStream in = Vectors.class.getResourceAsStream("/aksk-signatures.json")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Vectors> out = new ArrayList<>();
        for (JsonNode v : root.path("official")) {
            Map<String, String> headers = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it =
                    v.path("signedHeaderValues").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> h = it.next();
                headers.put(h.getKey(), h.getValue().asText());
            }
            headers.put("authorization", v.path("authorization").asText());
            out.add(new Vectors(
                    "official: " + v.path("case").asText(),
                    v.path("method").asText(),
                    URI.create(v.path("url").asText()),
                    headers,
                    body(v),
                    v.path("sk").asText(),
                    v.path("ak").asText(),
                    null));
        }
        JsonNode keys = root.path("sdkKeys");
        for (JsonNode v : root.path("sdk")) {
            Map<String, String> headers = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = v.path("headersSent").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> h = it.next();
                headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText());
            }
            out.add(new Vectors(
                    "sdk: " + v.path("case").asText(),
                    v.path("method").asText(),
                    URI.create(v.path("url").asText()),
                    headers,
                    body(v),
                    keys.path("sk").asText(),
                    keys.path("ak").asText(),
                    v.path("securityToken").isTextual()
                            ? v.path("securityToken").asText()
                            : null));
        }
        return out;
    }

    static Vectors named(String name) {
        return all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] body(JsonNode v) {
        return v.path("body").isTextual() ? v.path("body").asText().getBytes(StandardCharsets.UTF_8) : null;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the emulator's verifier accepts this request as it is. */
    boolean verifies() {
        return SignatureVerifier.verify(method, url.getRawPath(), url.getRawQuery(), this::header, body, secretKey);
    }

    Vectors withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(Locale.ROOT), value);
        return new Vectors(name, method, url, h, body, secretKey, accessKey, securityToken);
    }

    Vectors withUrl(String newUrl) {
        return new Vectors(name, method, URI.create(newUrl), headers, body, secretKey, accessKey, securityToken);
    }

    Vectors withBody(byte[] newBody) {
        return new Vectors(name, method, url, headers, newBody, secretKey, accessKey, securityToken);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The same text with the character at {@code index} replaced by another one of the same kind. */
    static String changeOne(String text, int index) {
        char c = text.charAt(index);
        char other = Character.isDigit(c)
                ? (c == '9' ? '0' : (char) (c + 1))
                : Character.isLetter(c) ? (c == 'z' ? 'a' : c == 'Z' ? 'A' : (char) (c + 1)) : 'x';
        return text.substring(0, index) + other + text.substring(index + 1);
    }
}
