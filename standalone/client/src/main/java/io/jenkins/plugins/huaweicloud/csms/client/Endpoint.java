package io.jenkins.plugins.huaweicloud.csms.client;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The base URL of a CSMS or IAM service. Only https is accepted, except for loopback hosts (the emulator, tests):
 * a token must never travel in clear text over a network. User info, query and fragment are refused because they
 * would either leak or be silently dropped; a trailing {@code /} is normalised away.
 */
public final class Endpoint {
    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+){1,4}");

    private final HttpUrl url;

    private Endpoint(HttpUrl url) {
        this.url = url;
    }

    /** Parses and validates a full endpoint URL such as {@code https://kms.cn-north-4.myhuaweicloud.com}. */
    public static Endpoint of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(
                    "Endpoint is missing: give a URL such as https://kms.cn-north-4.myhuaweicloud.com or a region.");
        }
        String text = raw.strip();
        // Every message below quotes the URL: user info (maybe a password) is masked before anything else.
        String shown = LogText.quote(withoutUserInfo(text));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidInputException(
                        "Endpoint " + shown + " is invalid: it must be a URL without spaces or non-ASCII characters.");
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new InvalidInputException(
                    "Endpoint " + shown
                            + " is invalid: it must start with https:// (for example https://kms.cn-north-4.myhuaweicloud.com).");
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new InvalidInputException(
                    "Endpoint " + shown + " is invalid: it is not a URL with a valid host name.");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            // Never echo the user info: it may be a password.
            throw new InvalidInputException("Endpoint for host " + url.host()
                    + " is invalid: it must not contain a user name or password; use Jenkins credentials instead.");
        }
        if (url.encodedQuery() != null || text.contains("?")) {
            throw new InvalidInputException("Endpoint " + shown + " is invalid: it must not have a query.");
        }
        if (url.encodedFragment() != null || text.contains("#")) {
            throw new InvalidInputException("Endpoint " + shown + " is invalid: it must not have a fragment ('#').");
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new InvalidInputException("Endpoint " + shown
                    + " is invalid: it must use https:// (plain http:// is allowed only for loopback hosts such as"
                    + " 127.0.0.1 or localhost).");
        }
        return new Endpoint(normalise(url));
    }

    // Masks from the scheme (or the start) to the last '@': a password may hold '/', '?' or '#', which would end a
    // URL parser's user info early, and a mistyped scheme must not expose it either. Masking too much is harmless.
    private static String withoutUserInfo(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int slashes = text.indexOf("//");
        int from = slashes >= 0 && slashes < at ? slashes + 2 : 0;
        return text.substring(0, from) + "****" + text.substring(at);
    }

    /** The CSMS endpoint of a region: {@code https://kms.{region}.{domain}} (see {@link #domainFor}). */
    public static Endpoint forRegion(String region) {
        String r = checkRegion(region);
        return of("https://kms." + r + "." + domainFor(r));
    }

    /** The regional IAM endpoint: {@code https://iam.{region}.{domain}} (see {@link #domainFor}). */
    public static Endpoint iamForRegion(String region) {
        String r = checkRegion(region);
        return of("https://iam." + r + "." + domainFor(r));
    }

    /**
     * The domain that serves a region: {@code myhuaweicloud.eu} for Huawei's Dublin regions ({@code eu-west-101}, and
     * any region id starting {@code eu-west-1}, as the official SDK's region lists and Terraform's provider have it),
     * {@code myhuaweicloud.com} for every other region. A cloud elsewhere is reached with a full endpoint URL.
     */
    public static String domainFor(String region) {
        return checkRegion(region).startsWith("eu-west-1") ? "myhuaweicloud.eu" : "myhuaweicloud.com";
    }

    /** The global IAM endpoint, {@code https://iam.myhuaweicloud.com}. */
    public static Endpoint iamGlobal() {
        return of("https://iam.myhuaweicloud.com");
    }

    /** Validates a region id such as {@code cn-north-4} or {@code ap-southeast-1} and returns it. */
    public static String checkRegion(String region) {
        if (region == null || region.isBlank()) {
            throw new InvalidInputException(
                    "Region is missing: give a region id such as cn-north-4 or ap-southeast-1.");
        }
        String r = region.strip();
        if (r.length() > 32 || !REGION.matcher(r).matches()) {
            throw new InvalidInputException("Region " + LogText.quote(r)
                    + " is invalid: it must be a region id in lower case such as cn-north-4 or ap-southeast-1.");
        }
        return r;
    }

    // Drops empty trailing segments so "https://h/" and "https://h" are the same endpoint.
    private static HttpUrl normalise(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        var segments = url.pathSegments();
        int size = segments.size();
        while (size > 0 && segments.get(size - 1).isEmpty()) {
            b.removePathSegment(--size);
        }
        return b.build();
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name is never resolved here, so DNS cannot turn a remote host into "loopback".
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** The URL of a path below this endpoint; segments are added one by one, so none can escape the endpoint. */
    HttpUrl.Builder urlBuilder() {
        HttpUrl.Builder b = url.newBuilder();
        if (url.pathSegments().size() == 1 && url.pathSegments().get(0).isEmpty()) {
            b.removePathSegment(0);
        }
        return b;
    }

    public String url() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public String host() {
        return url.host();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint other && url.equals(other.url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return url();
    }
}
