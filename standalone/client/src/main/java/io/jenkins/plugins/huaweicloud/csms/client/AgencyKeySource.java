package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Temporary AK/SK of an agency ({@code POST /v3.0/OS-CREDENTIAL/securitytokens}, {@code assume_role}), signed with
 * a long-term pair and cached until a few minutes before {@code expires_at}. Concurrent callers share one IAM call,
 * and no lock is held while it runs. An IAM error is never retried; a refusal is remembered for ten minutes. When CSMS
 * refuses the temporary keys, one fresh pair is fetched; a fresh pair refused too is not replaced.
 */
public final class AgencyKeySource implements AccessKeySource {
    static final String PATH = "/v3.0/OS-CREDENTIAL/securitytokens";
    private static final MediaType JSON_TYPE = MediaType.get("application/json;charset=UTF-8");
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration IAM_CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_BODY = 256 * 1024;
    /** A refusal (4xx) is remembered this long, so a batch cannot repeat a failing AK/SK call once per secret. */
    static final Duration REFUSAL_HOLD = Duration.ofMinutes(10);
    /** IAM down or unreachable is remembered briefly. */
    static final Duration FAILURE_HOLD = Duration.ofSeconds(30);

    private record Issued(AccessKey key, Instant refreshAt, boolean afterRejection) {}

    private final Endpoint iam;
    private final AccessKey longTerm;
    private final Agency agency;
    private final OkHttpClient http;
    private final Clock clock;

    private final Object lock = new Object();
    private Issued issued;
    private CompletableFuture<Issued> inFlight;
    private boolean renewAfterRejection;
    private TokenException failure;
    private Instant failureHeldUntil = Instant.MIN;
    private int calls;
    // Redactors of the runs using this source; weakly held, so a long-lived source does not keep finished runs.
    private final Set<SecretRedactor> redactors = Collections.newSetFromMap(new WeakHashMap<>());
    // The long-term key, for what IAM sends back: an echo of it must not reach a message or a request id.
    private final SecretRedactor keyRedactor = new SecretRedactor();

    public AgencyKeySource(Endpoint iam, AccessKey longTerm, Agency agency, OkHttpClient http, Clock clock) {
        this.iam = Objects.requireNonNull(iam, "iam");
        this.longTerm = Objects.requireNonNull(longTerm, "longTerm");
        this.agency = Objects.requireNonNull(agency, "agency");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        longTerm.registerWith(keyRedactor);
    }

    @Override
    public AccessKey accessKey() throws TokenException, InterruptedException {
        CompletableFuture<Issued> mine;
        boolean leader = false;
        synchronized (lock) {
            Instant now = clock.instant();
            if (issued != null && now.isBefore(issued.refreshAt())) {
                return issued.key();
            }
            if (failure != null && now.isBefore(failureHeldUntil)) {
                throw new TokenException(
                        failure.getMessage() + " (remembered; not asked again until " + failureHeldUntil + ")",
                        failure.status(),
                        failure.requestId());
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            mine = inFlight;
        }
        if (leader) {
            return lead(mine).key();
        }
        try {
            return mine.get().key();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenException te) {
                throw new TokenException(te.getMessage(), te.status(), te.requestId());
            }
            throw new TokenException("temporary keys for agency '" + agency.name() + "' could not be obtained: the"
                    + " request for them was interrupted.");
        }
    }

    /** Makes the one IAM call and shares its outcome with the callers waiting for it. */
    private Issued lead(CompletableFuture<Issued> mine) throws TokenException, InterruptedException {
        boolean afterRejection;
        synchronized (lock) {
            afterRejection = renewAfterRejection;
        }
        try {
            Issued fresh = obtain(afterRejection);
            synchronized (lock) {
                // Registered before any caller can send it.
                redactors.forEach(fresh.key()::registerWith);
                issued = fresh;
                failure = null;
                renewAfterRejection = false;
                inFlight = null;
            }
            mine.complete(fresh);
            return fresh;
        } catch (TokenException e) {
            synchronized (lock) {
                failure = e;
                boolean refused = e.status() >= 400 && e.status() < 500;
                failureHeldUntil = clock.instant().plus(refused ? REFUSAL_HOLD : FAILURE_HOLD);
                inFlight = null;
            }
            mine.completeExceptionally(e);
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            synchronized (lock) {
                inFlight = null;
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public boolean renewAfterRejection(AccessKey rejected) {
        synchronized (lock) {
            if (issued != null && issued.key().sameAs(rejected)) {
                if (issued.afterRejection()) {
                    return false;
                }
                issued = null;
                renewAfterRejection = true;
                return true;
            }
            // Another caller already dropped it: a fresh pair is on its way or cached.
            return true;
        }
    }

    /** The long-term SK and every temporary key: the cached one now, each one obtained later when it arrives. */
    @Override
    public void registerSecretsWith(SecretRedactor redactor) {
        longTerm.registerWith(redactor);
        synchronized (lock) {
            redactors.add(redactor);
            if (issued != null) {
                issued.key().registerWith(redactor);
            }
        }
    }

    /** How many securitytokens calls this source made (for tests and diagnostics). */
    public int calls() {
        synchronized (lock) {
            return calls;
        }
    }

    private Issued obtain(boolean afterRejection) throws TokenException, InterruptedException {
        synchronized (lock) {
            calls++;
        }
        String who = "agency '" + agency.name() + "' of account '" + agency.domain() + "'";
        HttpUrl url = iam.urlBuilder()
                .addPathSegment("v3.0")
                .addPathSegment("OS-CREDENTIAL")
                .addPathSegment("securitytokens")
                .build();
        byte[] body = requestBody().getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", AccessKeyAuthenticator.hostHeader(url));
        signed.put("x-sdk-date", AccessKeyAuthenticator.SDK_DATE.format(clock.instant()));
        String authorization = SdkHmacSigner.authorization(longTerm.id(), longTerm.secret(), "POST", url, signed, body);
        Request request = new Request.Builder()
                .url(url)
                .header("Host", signed.get("host"))
                .header("X-Sdk-Date", signed.get("x-sdk-date"))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
        HttpAnswer answer;
        try {
            answer = HttpExchange.execute(http, request, IAM_CALL_TIMEOUT, MAX_BODY);
        } catch (IOException e) {
            throw new TokenException("IAM at " + iam.host() + " could not be reached for temporary keys of " + who
                    + ": " + NetworkFailure.describe(e) + ". Not retried.");
        }
        String requestId = RequestIds.clean(keyRedactor.redact(answer.header("X-Request-Id")));
        if (answer.status() != 201 && answer.status() != 200) {
            ErrorBody error = ErrorBody.parse(answer.bodyText());
            String code = error.code() != null ? " " + error.code() : "";
            String hint = answer.status() == 401
                    ? "; check the long-term access key id (AK), secret key (SK) and this machine's clock"
                    : answer.status() == 403 || answer.status() == 404
                            ? "; check the agency name and account, and that the key's user may assume it"
                                    + " (iam:agencies:assume)"
                            : "";
            throw new TokenException(
                    "IAM at " + host() + " refused temporary keys for " + who + ": HTTP " + answer.status() + code
                            + hint + (requestId != null ? ", request id " + requestId : "")
                            + ". Not retried: repeated AK/SK failures lock the key pair.",
                    answer.status(),
                    requestId);
        }
        return parse(answer, who, requestId, afterRejection);
    }

    private String host() {
        return iam.host();
    }

    private Issued parse(HttpAnswer answer, String who, String requestId, boolean afterRejection)
            throws TokenException {
        AccessKey key;
        Instant expiresAt;
        try {
            JsonNode credential = Json.mapper().readTree(answer.bodyText()).path("credential");
            key = AccessKey.temporary(
                    credential.path("access").asText(null),
                    credential.path("secret").asText(null),
                    credential.path("securitytoken").asText(null));
            expiresAt = Instant.parse(credential.path("expires_at").asText(""));
        } catch (IOException | InvalidInputException | DateTimeParseException e) {
            throw new TokenException(
                    "IAM at " + host() + " answered HTTP " + answer.status() + " for " + who
                            + " without a usable credential (access, secret, securitytoken, expires_at).",
                    answer.status(),
                    requestId);
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, expiresAt);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new TokenException(
                    "IAM at " + host() + " issued temporary keys for " + who + " that expired already (" + expiresAt
                            + "); check this machine's clock.",
                    answer.status(),
                    requestId);
        }
        Duration half = lifetime.dividedBy(2);
        Duration margin = half.compareTo(REFRESH_MARGIN) < 0 ? half : REFRESH_MARGIN;
        return new Issued(key, expiresAt.minus(margin), afterRejection);
    }

    private String requestBody() {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode identity = root.putObject("auth").putObject("identity");
        identity.putArray("methods").add("assume_role");
        ObjectNode role = identity.putObject("assume_role");
        role.put("agency_name", agency.name());
        role.put(agency.domainIsId() ? "domain_id" : "domain_name", agency.domain());
        role.put("duration_seconds", agency.duration().toSeconds());
        return root.toString();
    }

    @Override
    public String toString() {
        return "AgencyKeySource[iam=" + iam + ", agency=" + agency.name() + ", account=" + agency.domain() + "]";
    }
}
