package io.jenkins.plugins.huaweicloud.csms.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Turns a {@link CloudCredential} into an {@link Authentication}: a token as it is; an IAM user through a password
 * exchange; an access key as its fixed pair, or through an agency's temporary keys. Only an access key can assume an
 * agency. Sends nothing: the IAM calls happen when a client first needs a token or a key.
 *
 * <p>Password token sources and agency key sources are shared, so every run with the same credential reuses the
 * token or temporary keys until shortly before they expire: at most {@value #CAPACITY} of them, least recently used
 * out. Their keys hold a SHA-256 digest of the secrets, never the secrets, so a changed password or key gets a new
 * source. A {@link ConnectionCheck} uses fresh sources instead: a connection test must really ask IAM.
 */
public final class CredentialSources {
    /** The most sources kept. */
    public static final int CAPACITY = 64;

    private final int capacity;
    private final Clock clock;
    private final Lru sources;

    /** Shared sources on the system clock. */
    public CredentialSources() {
        this(CAPACITY, Clock.systemUTC());
    }

    CredentialSources(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sources = new Lru(capacity);
    }

    /** Sources that are never shared: every call makes new ones (for {@link ConnectionCheck}). */
    static CredentialSources uncached(Clock clock) {
        return new CredentialSources(0, clock);
    }

    /** The authentication of a planned deletion, with the plan's project, IAM endpoint, account, agency and settings. */
    public Authentication authentication(DeletionPlan plan, CloudCredential credential, OkHttpClient base) {
        return authentication(
                plan.credentialsId(),
                credential,
                plan.project(),
                plan.iamEndpoint(),
                plan.iamDomain(),
                plan.agency(),
                plan.settings(),
                base);
    }

    /**
     * The authentication for a credential.
     *
     * @param credentialsId how the front end names the credential (in messages and in the sharing key)
     * @param project the project a password token is scoped to (may be null for other credentials)
     * @param iamEndpoint where a password is exchanged and an agency assumed (may be null when neither happens)
     * @param iamDomain the account (domain) name of an IAM user, or null
     * @param agency the agency an access key assumes, or null
     * @param settings the timeouts of the IAM calls
     * @param base the okhttp client the IAM calls start from (e.g. one carrying proxy settings)
     * @throws InvalidInputException when the credential cannot be used (an agency with a credential other than an
     *     access key, a malformed token or key, a missing account name); the message names the credential and its
     *     kind, never a secret
     */
    public Authentication authentication(
            String credentialsId,
            CloudCredential credential,
            ProjectId project,
            Endpoint iamEndpoint,
            String iamDomain,
            Agency agency,
            ClientSettings settings,
            OkHttpClient base) {
        Objects.requireNonNull(credential, "credential");
        checkAgency(credentialsId, credential, agency);
        try {
            if (credential instanceof CloudCredential.IamToken t) {
                return Authentication.of(TokenSource.fixed(Token.of(t.token())));
            }
            if (credential instanceof CloudCredential.IamUser u) {
                IamPasswordCredentials login =
                        new IamPasswordCredentials(iamEndpoint, iamDomain, u.user(), u.password(), project);
                String key = String.join(
                        "|",
                        "password",
                        credentialsId,
                        digest(login.domain(), login.user(), login.password()),
                        iamEndpoint.url(),
                        project.value());
                return Authentication.of(shared(
                        key,
                        IamPasswordTokenSource.class,
                        () -> new IamPasswordTokenSource(login, CsmsClient.newHttpClient(base, settings), clock)));
            }
            CloudCredential.AccessKeyPair pair = (CloudCredential.AccessKeyPair) credential;
            AccessKey longTerm = AccessKey.of(pair.accessKeyId(), pair.secretKey());
            if (agency == null) {
                return Authentication.of(AccessKeySource.fixed(longTerm));
            }
            Objects.requireNonNull(iamEndpoint, "iamEndpoint");
            String key = String.join(
                    "|",
                    "agency",
                    credentialsId,
                    digest(pair.accessKeyId().strip(), pair.secretKey().strip(), ""),
                    agency.name(),
                    agency.domain(),
                    String.valueOf(agency.domainIsId()),
                    String.valueOf(agency.duration().toSeconds()),
                    iamEndpoint.url());
            return Authentication.of(shared(
                    key,
                    AgencyKeySource.class,
                    () -> new AgencyKeySource(
                            iamEndpoint, longTerm, agency, CsmsClient.newHttpClient(base, settings), clock)));
        } catch (InvalidInputException e) {
            // The engine's validation messages never repeat a secret.
            throw new InvalidInputException("Credentials \"" + credentialsId + "\" cannot be used: " + e.getMessage());
        }
    }

    /**
     * Refuses an agency with a credential that cannot assume it (only an access key can), before anything is sent.
     *
     * @throws InvalidInputException naming the credential and its kind, never a secret
     */
    public static void checkAgency(String credentialsId, CloudCredential credential, Agency agency) {
        if (agency != null && !(credential instanceof CloudCredential.AccessKeyPair)) {
            throw new InvalidInputException("Credentials \"" + credentialsId + "\" hold "
                    + credential.kind() + ", but agency " + agency.name() + " can only be assumed with a Huawei Cloud"
                    + " access key (AK/SK): choose access key credentials, or remove the agency (its name and"
                    + " account). Nothing was sent.");
        }
    }

    /** Forgets every shared source (their tokens and temporary keys with them). */
    public void clear() {
        synchronized (sources) {
            sources.clear();
        }
    }

    /** The sharing keys, least recently used first (for tests: they must hold no secret). */
    List<String> keys() {
        synchronized (sources) {
            return List.copyOf(sources.keySet());
        }
    }

    private <T> T shared(String key, Class<T> type, Supplier<T> create) {
        if (capacity == 0) {
            return create.get();
        }
        synchronized (sources) {
            Object source = sources.get(key);
            if (!type.isInstance(source)) {
                source = create.get();
                sources.put(key, source);
            }
            return type.cast(source);
        }
    }

    private static String digest(String first, String second, String third) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {first, second, third}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** Least recently used first out; guarded by its own monitor. */
    private static final class Lru extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        Lru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > capacity;
        }
    }
}
