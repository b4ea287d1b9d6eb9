package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Project-scoped tokens in memory. Token values never leave this class except to their caller. */
final class TokenStore {
    /** IAM's timestamp shape: {@code 2026-11-30T15:06:31.000000Z} (microseconds, always UTC). */
    static final DateTimeFormatter IAM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Real IAM tokens start with "MII" and run to kilobytes; ours are shorter but look alike. */
    private static final String PREFIX = "MIIemu";

    private static final int RANDOM_BYTES = 96;

    /** A token's project and end of life. */
    record Grant(String projectId, Instant issuedAt, Instant expiresAt) {}

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    TokenStore(Clock clock, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Mints a token for the project; printable ASCII (base64url), well over 64 characters. */
    String issue(String projectId) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        grants.put(token, new Grant(projectId, now, now.plus(lifetime)));
        return token;
    }

    /** The grant of a token as stored, expired or not; {@code null} when unknown. */
    Grant grant(String token) {
        return token == null ? null : grants.get(token);
    }

    boolean isExpired(Grant grant) {
        return !clock.instant().isBefore(grant.expiresAt());
    }

    /** Forgets every token, like a password change: clients must authenticate again. */
    void revokeAll() {
        grants.clear();
    }
}
