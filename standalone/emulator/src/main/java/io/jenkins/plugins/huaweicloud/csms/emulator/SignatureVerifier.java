package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API gateway's side of SDK-HMAC-SHA256: parses {@code Authorization}, rebuilds the canonical request from what
 * arrived (raw path and query, the headers the client says it signed, the body) and compares signatures. The
 * emulator's own code, written from Huawei's API Request Signing Guide; public so tests can hold it against any
 * signer.
 */
public final class SignatureVerifier {
    static final String ALGORITHM = "SDK-HMAC-SHA256";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]{64})");
    private static final HexFormat HEX = HexFormat.of();

    /** What {@code Authorization} holds. */
    public record Credential(String accessKey, List<String> signedHeaders, String signature) {}

    private SignatureVerifier() {}

    /** The parts of an {@code Authorization} header, or {@code null} when it is not SDK-HMAC-SHA256. */
    public static Credential parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = AUTHORIZATION.matcher(authorization.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> names = Arrays.asList(m.group(2).split(";"));
        return new Credential(m.group(1), List.copyOf(names), m.group(3).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the request carries a valid signature for {@code secretKey}. Only the signature: who the key belongs to,
     * the date's freshness and the security token are the gateway's other checks.
     *
     * @param header a request header by (any-case) name, or {@code null} when absent
     */
    public static boolean verify(
            String method,
            String rawPath,
            String rawQuery,
            Function<String, String> header,
            byte[] body,
            String secretKey) {
        Credential credential = parse(header.apply("Authorization"));
        if (credential == null) {
            return false;
        }
        return verify(credential, method, rawPath, rawQuery, header, body, secretKey);
    }

    static boolean verify(
            Credential credential,
            String method,
            String rawPath,
            String rawQuery,
            Function<String, String> header,
            byte[] body,
            String secretKey) {
        String date = header.apply("X-Sdk-Date");
        if (date == null || !credential.signedHeaders().contains("x-sdk-date")) {
            return false;
        }
        String canonical = canonicalRequest(method, rawPath, rawQuery, credential.signedHeaders(), header, body);
        if (canonical == null) {
            return false;
        }
        String stringToSign = ALGORITHM + "\n" + date + "\n" + hexSha256(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] expected = hmac(secretKey, stringToSign);
        return MessageDigest.isEqual(expected, HEX.parseHex(credential.signature()));
    }

    /** The signature a client with {@code secretKey} should have sent (for emulator tests that build requests). */
    public static String signature(
            String secretKey,
            String method,
            String rawPath,
            String rawQuery,
            List<String> signedHeaders,
            Function<String, String> header,
            byte[] body) {
        String canonical = canonicalRequest(method, rawPath, rawQuery, signedHeaders, header, body);
        String stringToSign = ALGORITHM + "\n" + header.apply("x-sdk-date") + "\n"
                + hexSha256(canonical.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(hmac(secretKey, stringToSign));
    }

    /** {@code null} when a signed header is missing or the list is not lower-case, sorted and unique. */
    static String canonicalRequest(
            String method,
            String rawPath,
            String rawQuery,
            List<String> signedHeaders,
            Function<String, String> header,
            byte[] body) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n');
        out.append(canonicalUri(rawPath)).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        String previous = "";
        for (String name : signedHeaders) {
            String value = header.apply(name);
            if (value == null || name.compareTo(previous) <= 0 || !name.equals(name.toLowerCase(Locale.ROOT))) {
                return null;
            }
            previous = name;
            out.append(name).append(':').append(value.strip()).append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n');
        out.append(hexSha256(body == null ? new byte[0] : body));
        return out.toString();
    }

    private static String canonicalUri(String rawPath) {
        StringBuilder out = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                out.append('/').append(encode(decode(segment)));
            }
        }
        return out.append('/').toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(encode(decode(name)) + "=" + encode(decode(value)));
        }
        // Sorted by encoded name, then encoded value.
        pairs.sort((a, b) -> {
            int ea = a.indexOf('=');
            int eb = b.indexOf('=');
            int byName = a.substring(0, ea).compareTo(b.substring(0, eb));
            return byName != 0 ? byName : a.substring(ea + 1).compareTo(b.substring(eb + 1));
        });
        return String.join("&", pairs);
    }

    /** Percent-decoding only ({@code +} stays a plus); a broken escape is kept as it is. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** RFC 3986: {@code A-Z a-z 0-9 - _ . ~} kept, every other UTF-8 byte as {@code %XX} in upper case. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append(String.format(Locale.ROOT, "%%%02X", c));
            }
        }
        return out.toString();
    }

    static String hexSha256(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
