package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AK/SK pairs: long-term ones configured per account and its projects, temporary ones issued for an agency (with a
 * security token and an expiry); agencies and which account may assume them; and the gateway's lock: five
 * consecutive failures of a pair lock it for five minutes.
 */
final class AccessKeyStore {
    static final int LOCK_AFTER_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(5);
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A pair as the gateway knows it; {@code securityToken} and {@code expiresAt} only for temporary keys. */
    record Pair(String domain, String secretKey, Set<String> projects, String securityToken, Instant expiresAt) {
        boolean temporary() {
            return securityToken != null;
        }
    }

    /** An agency of account {@code domain} that account {@code trusted} may assume, with the agency's projects. */
    record AgencyGrant(String domain, String name, String trusted, Set<String> projects) {}

    private record Failures(int consecutive, Instant lockedUntil) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, AgencyGrant> agencies = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    AccessKeyStore(Clock clock) {
        this.clock = clock;
    }

    void addLongTerm(String domain, String accessKey, String secretKey, Set<String> projects) {
        pairs.merge(accessKey, new Pair(domain, secretKey, Set.copyOf(projects), null, null), (old, added) -> {
            if (!old.secretKey().equals(secretKey) || !old.domain().equals(domain)) {
                throw new IllegalArgumentException("access key " + accessKey + " is configured already");
            }
            Set<String> all = ConcurrentHashMap.newKeySet();
            all.addAll(old.projects());
            all.addAll(added.projects());
            return new Pair(domain, secretKey, Set.copyOf(all), null, null);
        });
    }

    void addAgency(String domain, String name, String trusted, Set<String> projects) {
        agencies.put(agencyKey(domain, name), new AgencyGrant(domain, name, trusted, Set.copyOf(projects)));
    }

    /** The agency of that account (by name) or {@code null}. */
    AgencyGrant agency(String domain, String name) {
        return agencies.get(agencyKey(domain, name));
    }

    /** The agency whose account has this project, by name and account id ({@link #domainId}); or {@code null}. */
    AgencyGrant agencyByDomainId(String domainId, String name) {
        for (AgencyGrant g : agencies.values()) {
            if (g.name().equals(name) && domainId(g.domain()).equals(domainId)) {
                return g;
            }
        }
        return null;
    }

    /** A stable fake account id derived from the account name (32 hex digits, like IAM's). */
    static String domainId(String domain) {
        return SignatureVerifier.hexSha256(domain.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    /** Mints temporary keys for the agency's account and projects. */
    record Issued(String accessKey, String secretKey, String securityToken, Instant expiresAt) {}

    Issued issueTemporary(AgencyGrant agency, Duration lifetime) {
        StringBuilder ak = new StringBuilder("EMUTMP");
        while (ak.length() < 20) {
            ak.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        byte[] sk = new byte[30];
        random.nextBytes(sk);
        byte[] token = new byte[300];
        random.nextBytes(token);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(sk);
        String securityToken =
                "gQpEMU" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Instant expiresAt = clock.instant().plus(lifetime);
        pairs.put(ak.toString(), new Pair(agency.domain(), secret, agency.projects(), securityToken, expiresAt));
        return new Issued(ak.toString(), secret, securityToken, expiresAt);
    }

    Pair pair(String accessKey) {
        return pairs.get(accessKey);
    }

    /** Whether the pair is locked now. */
    boolean locked(String accessKey) {
        Failures f = failures.get(accessKey);
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    /** Counts a failure; the fifth in a row locks the pair. */
    void failed(String accessKey) {
        Instant now = clock.instant();
        failures.compute(accessKey, (k, old) -> {
            int n = (old == null || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil())))
                    ? 1
                    : old.consecutive() + 1;
            return new Failures(n, n >= LOCK_AFTER_FAILURES ? now.plus(LOCK_DURATION) : null);
        });
    }

    void succeeded(String accessKey) {
        failures.remove(accessKey);
    }

    private static String agencyKey(String domain, String name) {
        return domain + "\n" + name;
    }
}
