package io.jenkins.plugins.huaweicloud.csms.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * Huawei Cloud's SDK-HMAC-SHA256 request signature (API Request Signing Guide): canonical request, string to sign,
 * {@code Authorization} value. Pure functions; which headers to sign is the caller's choice.
 */
final class SdkHmacSigner {
    static final String ALGORITHM = "SDK-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NO_BODY = new byte[0];

    private SdkHmacSigner() {}

    /**
     * The {@code Authorization} header value.
     *
     * @param signedHeaders the headers to sign, by name (any case) with the values sent; must hold
     *     {@code x-sdk-date}
     * @param body the body bytes sent, or null for none
     */
    static String authorization(
            String accessKeyId,
            String secretKey,
            String method,
            HttpUrl url,
            Map<String, String> signedHeaders,
            byte[] body) {
        TreeMap<String, String> headers = lowerCased(signedHeaders);
        String date = headers.get("x-sdk-date");
        if (date == null) {
            throw new IllegalArgumentException("x-sdk-date must be signed");
        }
        String canonical = canonicalRequest(method, url, headers, body);
        String stringToSign = ALGORITHM + "\n" + date + "\n" + hexSha256(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = HEX.formatHex(hmacSha256(secretKey, stringToSign));
        return ALGORITHM + " Access=" + accessKeyId + ", SignedHeaders=" + String.join(";", headers.keySet())
                + ", Signature=" + signature;
    }

    /** METHOD, URI, QUERY, HEADERS, SIGNED, hex(sha256(body)), joined by line feeds. */
    static String canonicalRequest(String method, HttpUrl url, Map<String, String> signedHeaders, byte[] body) {
        TreeMap<String, String> headers = lowerCased(signedHeaders);
        StringBuilder out = new StringBuilder(256);
        out.append(method.toUpperCase(Locale.ROOT)).append('\n');
        out.append(canonicalUri(url)).append('\n');
        out.append(canonicalQuery(url)).append('\n');
        for (Map.Entry<String, String> h : headers.entrySet()) {
            out.append(h.getKey()).append(':').append(h.getValue().strip()).append('\n');
        }
        out.append('\n');
        out.append(String.join(";", headers.keySet())).append('\n');
        out.append(hexSha256(body == null ? NO_BODY : body));
        return out.toString();
    }

    /** Each segment RFC 3986-encoded, always ending in {@code /}. */
    static String canonicalUri(HttpUrl url) {
        StringBuilder out = new StringBuilder();
        for (String segment : url.pathSegments()) {
            if (!segment.isEmpty()) {
                out.append('/').append(encode(segment));
            }
        }
        return out.append('/').toString();
    }

    /** Parameters sorted by encoded name (then value), {@code name=value} joined by {@code &}. */
    static String canonicalQuery(HttpUrl url) {
        List<String[]> pairs = new ArrayList<>(url.querySize());
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            pairs.add(new String[] {encode(url.queryParameterName(i)), encode(value == null ? "" : value)});
        }
        pairs.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /** RFC 3986: unreserved characters kept, every other UTF-8 byte as upper-case {@code %XX}. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static TreeMap<String, String> lowerCased(Map<String, String> headers) {
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            out.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
        }
        return out;
    }

    static String hexSha256(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
