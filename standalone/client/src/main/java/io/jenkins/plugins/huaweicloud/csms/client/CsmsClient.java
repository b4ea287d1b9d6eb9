package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * Deletes CSMS secrets immediately ({@code DELETE /v1/{project_id}/secrets/{secret_name}}). One instance per
 * configuration: it holds one okhttp client, so connections are reused across secrets. Thread-safe.
 */
public final class CsmsClient {
    private final Endpoint endpoint;
    private final RequestAuthenticator authenticator;
    private final ClientSettings settings;
    private final OkHttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;
    private final Consumer<String> progress;
    private final SecretRedactor redactor;

    private CsmsClient(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.settings = b.settings;
        this.http = HttpClients.configure(
                        b.httpClient == null ? new OkHttpClient.Builder() : b.httpClient.newBuilder(), settings)
                .build();
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), b.random);
        this.redactor = b.redactor;
        // The credential's secrets are registered now; what it obtains later is registered before it is sent.
        this.authenticator = b.authenticator(redactor);
        Consumer<String> sink = b.progress;
        this.progress = message -> sink.accept(redactor.redact(message));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * An okhttp client with this project's safe settings (no redirects, no silent retries, bounded timeouts), for
     * callers that also need one, such as an {@link IamPasswordTokenSource}.
     */
    public static OkHttpClient newHttpClient(ClientSettings settings) {
        return HttpClients.configure(new OkHttpClient.Builder(), settings).build();
    }

    /** The same, derived from a caller's client (for example one that carries proxy settings). */
    public static OkHttpClient newHttpClient(OkHttpClient base, ClientSettings settings) {
        return HttpClients.configure(base.newBuilder(), settings).build();
    }

    /**
     * Deletes one secret, retrying per the settings, and says what happened. HTTP, network and IAM faults become a
     * result, never an exception.
     *
     * @throws InterruptedException when the calling thread is interrupted; the HTTP call is cancelled first
     */
    public DeletionResult delete(ProjectId project, SecretName name) throws InterruptedException {
        return new DeletionCall(this, project, name, Pacer.NONE).run();
    }

    /**
     * Schedules one secret's deletion after a recovery window of 7 to 30 days ({@code POST .../scheduled-deleted-tasks/
     * create}); until then it is {@code PENDING_DELETE} and {@link #cancelDeletion} restores it. Same retries and
     * result shape as {@link #delete}; {@link ResultKind#SCHEDULED} on success.
     *
     * @throws InvalidInputException when the window is outside 7 to 30 days (nothing is sent)
     * @throws InterruptedException when the calling thread is interrupted; the HTTP call is cancelled first
     */
    public DeletionResult scheduleDeletion(ProjectId project, SecretName name, int recoveryDays)
            throws InterruptedException {
        return new DeletionCall(this, project, name, Pacer.NONE, SecretOperation.schedule(recoveryDays)).run();
    }

    /**
     * Cancels a scheduled deletion ({@code POST .../scheduled-deleted-tasks/cancel}): {@link ResultKind#RESTORED}, or
     * {@link ResultKind#NOT_SCHEDULED} when the secret was not pending deletion. Same retries as {@link #delete}.
     *
     * @throws InterruptedException when the calling thread is interrupted; the HTTP call is cancelled first
     */
    public DeletionResult cancelDeletion(ProjectId project, SecretName name) throws InterruptedException {
        return new DeletionCall(this, project, name, Pacer.NONE, SecretOperation.CANCEL).run();
    }

    /**
     * A read-only check that the endpoint answers and accepts the token for this project: lists at most one
     * secret name, once. For a "Test connection" button; nothing is deleted.
     */
    public ProbeResult probe(ProjectId project) throws InterruptedException {
        return new SecretLister(this).probe(project);
    }

    /** Deletes several secrets one after the other with one token; one result per name, in order. */
    public List<DeletionResult> deleteAll(ProjectId project, List<SecretName> names) throws InterruptedException {
        List<DeletionResult> results = new ArrayList<>(names.size());
        for (SecretName name : names) {
            results.add(delete(project, name));
        }
        return results;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * The run's secrets: every token, secret key and security token this client sends and every secret of its
     * credential source. Server text passes it
     * before it reaches a result, an exception, a log line or a progress message; front ends pass their own
     * output through it too.
     */
    public SecretRedactor redactor() {
        return redactor;
    }

    RequestAuthenticator authenticator() {
        return authenticator;
    }

    OkHttpClient http() {
        return http;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    Backoff backoff() {
        return backoff;
    }

    Consumer<String> progress() {
        return progress;
    }

    public static final class Builder {
        private Endpoint endpoint;
        private TokenSource tokenSource;
        private AccessKeySource accessKeys;
        private ClientSettings settings = ClientSettings.defaults();
        private OkHttpClient httpClient;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private Consumer<String> progress = message -> {};
        private SecretRedactor redactor = new SecretRedactor();

        private Builder() {}

        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Authenticates with an {@code X-Auth-Token}. Give this or {@link #accessKeys}. */
        public Builder tokenSource(TokenSource tokenSource) {
            this.tokenSource = tokenSource;
            return this;
        }

        /** Signs every attempt with an AK/SK pair (SDK-HMAC-SHA256), dated by {@link #clock}. */
        public Builder accessKeys(AccessKeySource accessKeys) {
            this.accessKeys = accessKeys;
            return this;
        }

        private RequestAuthenticator authenticator(SecretRedactor redactor) {
            if (tokenSource != null && accessKeys != null) {
                throw new IllegalStateException("give either a token source or access keys, not both");
            }
            if (accessKeys != null) {
                return new AccessKeyAuthenticator(accessKeys, clock, redactor);
            }
            return new TokenAuthenticator(tokenSource, redactor);
        }

        public Builder settings(ClientSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** A base client to derive from (its proxy, TLS and connection pool are kept; our safety settings win). */
        public Builder httpClient(OkHttpClient base) {
            this.httpClient = base;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Receives one line per retry ("retrying pr-1 in 1.2 s: HTTP 503 ..."), e.g. for a build log. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * The run's redactor, shared with whatever else the run prints (default: a new one). The token source's (or
         * access key source's) secrets are registered with it when the client is built.
         */
        public Builder redactor(SecretRedactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        public CsmsClient build() {
            return new CsmsClient(this);
        }
    }
}
