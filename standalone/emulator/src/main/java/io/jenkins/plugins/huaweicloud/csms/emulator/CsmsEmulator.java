package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local, in-memory imitation of the documented subset of Huawei Cloud CSMS (secrets) and IAM
 * (password tokens), with fault injection, for tests and local work. It is not Huawei Cloud.
 *
 * <p>Both APIs are served on one loopback address, {@link #url()}. Fault settings may be changed
 * while requests run. Close it to free the port.
 */
public final class CsmsEmulator implements AutoCloseable {

    /** A fixed project id (32 lowercase hex) for demos and examples. */
    public static final String DEMO_PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    /** Threads answering requests; excess requests wait in the queue instead of being refused. */
    private static final int MAX_THREADS = 64;

    private static final Pattern PROJECT_ID = Pattern.compile("^[a-zA-Z0-9]{32,64}$");

    static {
        // The JDK server writes headers and body in separate packets; with Nagle on, every small
        // answer waits ~40 ms for a delayed ACK. Read once by the JDK, so set it before first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final TokenStore tokens;
    private final SecretStore secrets;
    private final FaultPlan faults;
    private final RateLimiter rateLimiter;
    private final RequestLog log;
    private final IamUsers users;
    private final AbsentAnswers absent;
    private final AccessKeyStore accessKeys;

    private CsmsEmulator(Builder b) throws IOException {
        this.absent = b.absent;
        this.tokens = new TokenStore(b.clock, b.tokenLifetime);
        this.secrets = new SecretStore(b.clock);
        this.faults = b.faults;
        this.rateLimiter = new RateLimiter(b.clock, b.rateLimit);
        this.log = new RequestLog();
        this.users = b.users;
        this.accessKeys = new AccessKeyStore(b.clock);
        b.keySetup.forEach(setup -> setup.accept(accessKeys));
        SignedRequestCheck signed = new SignedRequestCheck(accessKeys, b.clock);
        Router router = new Router(
                log,
                faults,
                new IamHandler(users, tokens),
                new SecretsHandler(secrets, tokens, faults, rateLimiter, signed, absent),
                new SecurityTokenHandler(accessKeys, signed));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
        this.server.createContext("/", router);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.server.setExecutor(executor);
        this.server.start();
    }

    /** A builder with no users, no secrets, no faults, port 0 and the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with defaults on an ephemeral port. */
    public static CsmsEmulator start() {
        return builder().start();
    }

    /** The base URL of both CSMS and IAM, e.g. {@code http://127.0.0.1:43117} (no trailing slash). */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Mints a valid token scoped to the project without an IAM call (and without counting a request). */
    public String issueToken(String projectId) {
        return tokens.issue(requireProjectId(projectId));
    }

    /** Forgets every token issued so far, as a password change would: clients must log in again. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Adds an IAM user that may scope tokens to the project (see {@link Builder#user}). */
    public void addUser(String domain, String userName, String password, String projectId) {
        users.add(
                Objects.requireNonNull(domain),
                Objects.requireNonNull(userName),
                Objects.requireNonNull(password),
                requireProjectId(projectId));
    }

    /** Adds a long-term AK/SK pair of account {@code domain} that may sign requests for these projects. */
    public void addAccessKey(String domain, String accessKey, String secretKey, String... projectIds) {
        accessKeys.addLongTerm(
                Objects.requireNonNull(domain),
                requireAccessKey(accessKey),
                requireSecret(secretKey),
                projects(projectIds));
    }

    /**
     * Creates a secret directly (no request counted).
     *
     * @throws IllegalArgumentException for a name outside 1 to 64 of {@code A-Z a-z 0-9 . _ -} or only periods
     * @throws IllegalStateException when the name already exists in the project
     */
    public void createSecret(String projectId, String name, String value) {
        requireName(name);
        if (secrets.create(requireProjectId(projectId), name, Objects.requireNonNull(value)) == null) {
            throw new IllegalStateException("secret already exists: " + name);
        }
    }

    /** Whether the project holds a secret of that name. */
    public boolean hasSecret(String projectId, String name) {
        return secrets.get(projectId, name) != null;
    }

    /** Deletes a secret directly; {@code false} if it did not exist. */
    public boolean deleteSecret(String projectId, String name) {
        return secrets.delete(projectId, name);
    }

    /** The secret's {@code id} (what tags are addressed by), or {@code null} when there is no such secret. */
    public String secretId(String projectId, String name) {
        SecretStore.Secret s = secrets.get(projectId, name);
        return s == null ? null : s.id();
    }

    /** The secret's state ({@code ENABLED}, {@code PENDING_DELETE}), or {@code null} when there is no such secret. */
    public String secretState(String projectId, String name) {
        SecretStore.Secret s = secrets.get(projectId, name);
        return s == null ? null : s.state();
    }

    /** The secret's tags in the order they were added; empty when there is no such secret. */
    public Map<String, String> secretTags(String projectId, String name) {
        SecretStore.Secret s = secrets.get(projectId, name);
        return s == null ? Map.of() : s.tags();
    }

    /**
     * Sets a tag on a secret directly (no request counted).
     *
     * @throws IllegalStateException when there is no such secret
     */
    public void tagSecret(String projectId, String name, String key, String value) {
        SecretStore.Secret s = secrets.get(projectId, name);
        if (s == null) {
            throw new IllegalStateException("no such secret: " + name);
        }
        Map<String, String> tags = new LinkedHashMap<>(s.tags());
        tags.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        secrets.replaceTags(projectId, s.id(), tags);
    }

    /**
     * Schedules a secret's deletion directly (no request counted): state {@code PENDING_DELETE} until the clock
     * passes the deletion time.
     *
     * @throws IllegalStateException when there is no such secret or it is already pending
     */
    public void scheduleSecretDeletion(String projectId, String name, int days) {
        if (secrets.scheduleDeletion(projectId, name, days).status() != SecretStore.Change.Status.DONE) {
            throw new IllegalStateException("cannot schedule the deletion of " + name);
        }
    }

    /** How every secret without its own choice is said to be absent (default 404 {@code CSMS.0005}). */
    public void setAbsentAnswer(AbsentAnswer answer) {
        absent.standard(answer);
    }

    /** How this secret name is said to be absent, whatever the emulator-wide choice. */
    public void absentAnswer(String secretName, AbsentAnswer answer) {
        absent.forName(secretName, answer);
    }

    /** The names of the project's secrets, sorted. */
    public List<String> secretNames(String projectId) {
        return secrets.names(projectId);
    }

    /**
     * Queues scripted answers for requests naming this secret ({@code GET}/{@code DELETE .../secrets/{name}}
     * and {@code POST .../secrets} with that name), consumed one per request in order, after the
     * token check. Appends to what is already queued.
     */
    public void script(String secretName, Fault... faultsInOrder) {
        for (Fault f : faultsInOrder) {
            Objects.requireNonNull(f, "fault");
        }
        faults.script(Objects.requireNonNull(secretName), faultsInOrder);
    }

    /** How many scripted answers are still queued for the name. */
    public int pendingScript(String secretName) {
        return faults.pending(secretName);
    }

    /** Drops every scripted answer not yet consumed. */
    public void clearScripts() {
        faults.clearScripts();
    }

    /** Sets the fixed latency added to every request (IAM and CSMS). */
    public void setLatency(Duration latency) {
        faults.latency(latency);
    }

    /** Adds a random latency in {@code [0, max]} to every request, drawn from {@code new Random(seed)}. */
    public void setRandomLatency(Duration max, long seed) {
        faults.randomLatency(max, seed);
    }

    /** Sets the {@code /v1} requests-per-second limit (fixed one-second windows); 0 = unlimited. */
    public void setRateLimit(int requestsPerSecond) {
        rateLimiter.limit(requestsPerSecond);
    }

    /** Answers this fraction of authorised {@code /v1} requests with 500, 502 or 503, from {@code new Random(seed)}. */
    public void setErrorRate(double fraction, long seed) {
        faults.errorRate(fraction, seed);
    }

    /** Every request answered or dropped so far, in the order their answers were decided. */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /** How many requests were answered or dropped (all paths). */
    public long requestCount() {
        return log.total();
    }

    /** How many requests had this method and raw path, e.g. {@code ("DELETE", "/v1/p/secrets/x")}. */
    public int requestCount(String method, String path) {
        return log.count(method, path);
    }

    /** How many 429 answers were sent (rate limit and scripted). */
    public long throttledCount() {
        return log.throttled();
    }

    /** Clears the request list and all counters. */
    public void resetCounters() {
        log.reset();
    }

    /** Stops at once (in-flight requests are abandoned) and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String requireProjectId(String projectId) {
        if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
            throw new IllegalArgumentException("project id must be 32 to 64 letters or digits");
        }
        return projectId;
    }

    private static java.util.Set<String> projects(String... projectIds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String p : projectIds) {
            out.add(requireProjectId(p));
        }
        return out;
    }

    private static String requireAccessKey(String ak) {
        if (ak == null || !ak.matches("[A-Za-z0-9]{1,128}")) {
            throw new IllegalArgumentException("access key id must be 1 to 128 letters or digits");
        }
        return ak;
    }

    private static String requireSecret(String sk) {
        if (sk == null || sk.isEmpty() || !sk.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("secret key must be printable ASCII without spaces");
        }
        return sk;
    }

    private static void requireName(String name) {
        if (name == null || !SecretsHandler.SECRET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret name must be " + SecretsHandler.NAME_RULE + ": " + name);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "csms-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures and starts a {@link CsmsEmulator}. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofHours(24);
        private int rateLimit;
        private final List<java.util.function.Consumer<AccessKeyStore>> keySetup = new ArrayList<>();
        private final FaultPlan faults = new FaultPlan();
        private final IamUsers users = new IamUsers();
        private final AbsentAnswers absent = new AbsentAnswers();
        private final List<String[]> initialSecrets = new ArrayList<>();
        private boolean started;

        private Builder() {}

        /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Adds an IAM user of account {@code domain} who may get tokens scoped to {@code projectId}.
         * Call again with the same user and password to allow more projects.
         */
        public Builder user(String domain, String userName, String password, String projectId) {
            users.add(
                    Objects.requireNonNull(domain),
                    Objects.requireNonNull(userName),
                    Objects.requireNonNull(password),
                    requireProjectId(projectId));
            return this;
        }

        /** A secret to hold from the start. */
        public Builder secret(String projectId, String name, String value) {
            requireName(name);
            initialSecrets.add(new String[] {requireProjectId(projectId), name, Objects.requireNonNull(value)});
            return this;
        }

        /** Fixed latency added to every request. */
        public Builder latency(Duration latency) {
            faults.latency(latency);
            return this;
        }

        /** Random latency in {@code [0, max]} added to every request, from {@code new Random(seed)}. */
        public Builder randomLatency(Duration max, long seed) {
            faults.randomLatency(max, seed);
            return this;
        }

        /** Requests per second over all {@code /v1} requests (fixed one-second windows); 0 = unlimited. */
        public Builder rateLimit(int requestsPerSecond) {
            if (requestsPerSecond < 0) {
                throw new IllegalArgumentException("rate limit must be >= 0");
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /** Fraction (0..1) of authorised {@code /v1} requests answered 500/502/503, from {@code new Random(seed)}. */
        public Builder errorRate(double fraction, long seed) {
            faults.errorRate(fraction, seed);
            return this;
        }

        /**
         * A long-term AK/SK pair of account {@code domain} whose signed requests may use these projects. Requests
         * signed with it are verified for real (SDK-HMAC-SHA256, X-Sdk-Date within 15 minutes of {@link #clock}).
         */
        public Builder accessKey(String domain, String accessKey, String secretKey, String... projectIds) {
            Objects.requireNonNull(domain, "domain");
            String ak = requireAccessKey(accessKey);
            String sk = requireSecret(secretKey);
            java.util.Set<String> projects = projects(projectIds);
            keySetup.add(store -> store.addLongTerm(domain, ak, sk, projects));
            return this;
        }

        /** How an absent secret is answered: 404 {@code CSMS.0005} (default) or 400 {@code CSMS.0005}/{@code 0106}. */
        public Builder absentAnswer(AbsentAnswer answer) {
            absent.standard(answer);
            return this;
        }

        /**
         * An agency {@code name} of account {@code domain} with these projects, which long-term keys of account
         * {@code trustedDomain} may assume through {@code POST /v3.0/OS-CREDENTIAL/securitytokens}.
         */
        public Builder agency(String domain, String name, String trustedDomain, String... projectIds) {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(trustedDomain, "trustedDomain");
            java.util.Set<String> projects = projects(projectIds);
            keySetup.add(store -> store.addAgency(domain, name, trustedDomain, projects));
            return this;
        }

        /**
         * The clock for token and temporary key expiry, X-Sdk-Date checks, key locks, rate-limit windows, creation
         * times and scheduled deletions.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How long issued tokens stay valid (default 24 hours, like IAM). */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @throws UncheckedIOException when the port cannot be bound
         * @throws IllegalStateException when this builder was started before
         */
        public CsmsEmulator start() {
            // The fault plan and users go to the emulator as they are; a second start would share them.
            if (started) {
                throw new IllegalStateException("this builder already started an emulator");
            }
            started = true;
            CsmsEmulator emulator;
            try {
                emulator = new CsmsEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the CSMS emulator on port " + port, e);
            }
            try {
                for (String[] s : initialSecrets) {
                    emulator.createSecret(s[0], s[1], s[2]);
                }
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
            return emulator;
        }
    }
}
