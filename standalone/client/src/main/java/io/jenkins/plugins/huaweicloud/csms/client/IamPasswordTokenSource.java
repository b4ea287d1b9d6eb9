package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Exchanges an IAM user's password for a project-scoped token ({@code POST /v3/auth/tokens}) and caches it until
 * shortly before {@code expires_at}. An IAM error is never retried, because repeated wrong passwords lock the IAM
 * user.
 *
 * <p>Thread-safe and single-flight: concurrent callers share one exchange. No monitor is held across the IAM call
 * (it may take up to a minute): the first caller makes it, the others wait on its future, and an interrupt (a
 * Jenkins abort) ends any wait at once. When the caller making the exchange is interrupted, a waiter takes over.
 */
public final class IamPasswordTokenSource implements TokenSource {
    private static final Logger LOG = Logger.getLogger(IamPasswordTokenSource.class.getName());
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_EXPIRY_LIFETIME = Duration.ofHours(1);
    private static final int MAX_BODY = 256 * 1024;
    private static final Duration IAM_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** A refusal (4xx) is remembered this long, so a batch cannot repeat a wrong password once per secret. */
    static final Duration REFUSAL_HOLD = Duration.ofMinutes(10);
    /** Any other failure (IAM down, network) is remembered briefly. */
    static final Duration FAILURE_HOLD = Duration.ofSeconds(30);

    private final IamPasswordCredentials credentials;
    private final OkHttpClient http;
    private final Clock clock;
    private final Duration callTimeout;

    /** Guards the fields below; held only for bookkeeping, never across the IAM call. */
    private final Object lock = new Object();

    private Token cached;
    private Instant refreshAt = Instant.MIN;
    private int exchanges;
    private TokenException lastFailure;
    private Instant failureHeldUntil = Instant.MIN;
    private Instant heldSince = Instant.MIN;
    private CompletableFuture<Token> inFlight;

    /** A token and when to get a new one. */
    private record Exchanged(Token token, Instant refreshAt) {}

    public IamPasswordTokenSource(IamPasswordCredentials credentials, OkHttpClient http) {
        this(credentials, http, Clock.systemUTC());
    }

    public IamPasswordTokenSource(IamPasswordCredentials credentials, OkHttpClient http, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.callTimeout = IAM_CALL_TIMEOUT;
    }

    @Override
    public Token token() throws TokenException, InterruptedException {
        while (true) {
            CompletableFuture<Token> flight;
            boolean leader = false;
            synchronized (lock) {
                Instant now = clock.instant();
                if (cached != null && now.isBefore(refreshAt)) {
                    return cached;
                }
                cached = null;
                if (lastFailure != null && now.isBefore(failureHeldUntil)) {
                    throw new TokenException(
                            lastFailure.getMessage() + " (remembered from "
                                    + Duration.between(heldSince, now).toSeconds() + " s ago; not tried again until "
                                    + failureHeldUntil + ")",
                            lastFailure.status(),
                            lastFailure.requestId());
                }
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    exchanges++;
                    leader = true;
                }
                flight = inFlight;
            }
            if (leader) {
                return lead(flight);
            }
            try {
                return flight.get();
            } catch (CancellationException e) {
                // The caller making the exchange was interrupted: try again, perhaps as the one making it.
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TokenException t) {
                    throw new TokenException(t.getMessage(), t.status(), t.requestId());
                }
                throw new IllegalStateException("IAM token exchange failed", e.getCause());
            }
        }
    }

    /** Makes the exchange this caller started, then hands its outcome to every waiter. */
    private Token lead(CompletableFuture<Token> flight) throws TokenException, InterruptedException {
        Instant started = clock.instant();
        try {
            Exchanged done = exchange();
            synchronized (lock) {
                cached = done.token();
                refreshAt = done.refreshAt();
                lastFailure = null;
                inFlight = null;
            }
            flight.complete(done.token());
            return done.token();
        } catch (TokenException e) {
            boolean refused = e.status() >= 400 && e.status() < 500;
            synchronized (lock) {
                lastFailure = e;
                failureHeldUntil = started.plus(refused ? REFUSAL_HOLD : FAILURE_HOLD);
                heldSince = started;
                inFlight = null;
            }
            flight.completeExceptionally(e);
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            synchronized (lock) {
                inFlight = null;
            }
            flight.cancel(false);
            throw e;
        }
    }

    @Override
    public boolean refreshAfterRejection(Token rejected) {
        synchronized (lock) {
            if (cached != null && cached.sameAs(rejected)) {
                cached = null;
            }
        }
        return true;
    }

    /** How many password exchanges this source has started (for tests and diagnostics). */
    public int exchanges() {
        synchronized (lock) {
            return exchanges;
        }
    }

    private Exchanged exchange() throws TokenException, InterruptedException {
        String host = credentials.iamEndpoint().host();
        String who = "user '" + credentials.user() + "' of account '" + credentials.domain() + "'";
        HttpUrl url = credentials
                .iamEndpoint()
                .urlBuilder()
                .addPathSegment("v3")
                .addPathSegment("auth")
                .addPathSegment("tokens")
                .addQueryParameter("nocatalog", "true")
                .build();
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(requestBody(), JSON_TYPE))
                .build();
        HttpAnswer answer;
        try {
            answer = HttpExchange.execute(http, request, callTimeout, MAX_BODY);
        } catch (IOException e) {
            throw new TokenException("IAM at " + host + " could not be reached to get a token for " + who + ": "
                    + NetworkFailure.describe(e) + ". Not retried.");
        }
        String requestId = RequestIds.clean(answer.header("X-Request-Id"));
        if (answer.status() != 201 && answer.status() != 200) {
            ErrorBody error = ErrorBody.parse(answer.bodyText());
            String detail = error.message() != null ? " (" + error.message() + ")" : "";
            throw new TokenException(
                    "IAM at " + host + " refused the password exchange for " + who + ": HTTP " + answer.status()
                            + detail + (requestId != null ? ", request id " + requestId : "")
                            + ". Not retried: repeated wrong passwords lock the IAM user.",
                    answer.status(),
                    requestId);
        }
        String subjectToken = answer.header("X-Subject-Token");
        Token token;
        try {
            token = Token.of(subjectToken);
        } catch (InvalidInputException e) {
            throw new TokenException(
                    "IAM at " + host + " answered HTTP " + answer.status()
                            + " without a usable X-Subject-Token header.",
                    answer.status(),
                    requestId);
        }
        Instant now = clock.instant();
        Instant expiresAt = expiresAt(answer, now);
        Duration lifetime = Duration.between(now, expiresAt);
        Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
        LOG.log(Level.FINE, "IAM token obtained for {0} from {1}, valid until {2}", new Object[] {who, host, expiresAt
        });
        return new Exchanged(token, expiresAt.minus(margin));
    }

    private static Instant expiresAt(HttpAnswer answer, Instant now) {
        try {
            JsonNode expires =
                    Json.mapper().readTree(answer.bodyText()).path("token").path("expires_at");
            if (expires.isTextual()) {
                return Instant.parse(expires.asText());
            }
        } catch (IOException | DateTimeParseException e) {
            // fall through: an unreadable expiry is treated as a short one
        }
        return now.plus(UNKNOWN_EXPIRY_LIFETIME);
    }

    private String requestBody() {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", credentials.user());
        user.put("password", credentials.password());
        user.putObject("domain").put("name", credentials.domain());
        auth.putObject("scope")
                .putObject("project")
                .put("id", credentials.project().value());
        return root.toString();
    }

    @Override
    public String toString() {
        return "IamPasswordTokenSource[" + credentials + "]";
    }
}
