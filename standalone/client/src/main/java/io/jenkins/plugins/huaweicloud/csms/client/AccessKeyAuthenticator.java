package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Signs each attempt with SDK-HMAC-SHA256 ({@link SdkHmacSigner}): {@code host}, {@code x-sdk-date} (from the
 * injectable clock), {@code x-project-id} and, for temporary keys, {@code x-security-token}. A pair CSMS refused is
 * not used again by this authenticator: five consecutive failures lock a pair for five minutes, so the remaining
 * requests fail without being sent.
 */
final class AccessKeyAuthenticator implements RequestAuthenticator {
    static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String CHECK_HINT = "check the access key id (AK), the secret access key (SK) and this machine's"
            + " clock (X-Sdk-Date must be within 15 minutes of the service's time)";

    private final AccessKeySource keys;
    private final Clock clock;
    // Refused pairs by access key id; never shown, only compared.
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    // The run's redactor: every SK and security token signed with is registered before the request is sent.
    private final SecretRedactor redactor;

    AccessKeyAuthenticator(AccessKeySource keys, Clock clock, SecretRedactor redactor) {
        this.keys = Objects.requireNonNull(keys, "accessKeySource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        keys.registerSecretsWith(redactor);
    }

    @Override
    public Authenticated authenticate(Request request, ProjectId project) throws TokenException, InterruptedException {
        AccessKey key = keys.accessKey();
        if (refused.contains(key.id())) {
            throw new TokenException("not sent: CSMS refused this access key pair's signature (HTTP 401) earlier in"
                    + " this run, and repeated failures lock the pair for five minutes; " + CHECK_HINT);
        }
        return new Authenticated(sign(request, project, key), key);
    }

    private Request sign(Request request, ProjectId project, AccessKey key) {
        HttpUrl url = request.url();
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", hostHeader(url));
        signed.put("x-sdk-date", SDK_DATE.format(clock.instant()));
        signed.put("x-project-id", project.value());
        if (key.isTemporary()) {
            signed.put("x-security-token", key.securityToken());
            redactor.register(key.securityToken());
        }
        redactor.register(key.secret());
        String authorization =
                SdkHmacSigner.authorization(key.id(), key.secret(), request.method(), url, signed, body(request));
        Request.Builder out = request.newBuilder();
        out.header("Host", signed.get("host"));
        out.header("X-Sdk-Date", signed.get("x-sdk-date"));
        out.header("X-Project-Id", signed.get("x-project-id"));
        if (key.isTemporary()) {
            out.header("X-Security-Token", key.securityToken());
        }
        return out.header("Authorization", authorization).build();
    }

    /** What okhttp sends as {@code Host}: the port only when it is not the scheme's default. */
    static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    private static byte[] body(Request request) {
        RequestBody body = request.body();
        if (body == null) {
            return null;
        }
        try {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            return buffer.readByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory request body could not be read", e);
        }
    }

    @Override
    public boolean retryAfterRejection(Authenticated rejected) {
        AccessKey key = (AccessKey) rejected.credential();
        if (keys.renewAfterRejection(key)) {
            return true;
        }
        refused.add(key.id());
        return false;
    }

    @Override
    public String refusalHint() {
        return CHECK_HINT;
    }

    @Override
    public String acceptedWhat() {
        return "the request signed with the access key";
    }

    @Override
    public String refusedWhat() {
        return "the temporary access key";
    }

    @Override
    public String unauthorizedReason(boolean afterRenewal) {
        return (afterRenewal
                        ? "not authenticated: CSMS refused the signature of freshly issued temporary keys too (HTTP 401)"
                        : "not authenticated: CSMS refused the AK/SK signature (HTTP 401)")
                + "; " + CHECK_HINT + ". Not retried, and the pair is not used again in this run: five consecutive"
                + " failures lock it for five minutes";
    }

    @Override
    public String toString() {
        return "AccessKeyAuthenticator[" + keys + "]";
    }
}
