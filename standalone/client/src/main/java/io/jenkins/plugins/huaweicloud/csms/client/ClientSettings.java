package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that tunes a deletion. The defaults are the project's documented ones: 3 attempts, backoff from 1 s
 * with full jitter capped at 30 s, connect 10 s, read 30 s, whole call 60 s, and at most 5 minutes per secret.
 */
public final class ClientSettings {
    public static final int MAX_ATTEMPTS = 10;
    private static final ClientSettings DEFAULTS = builder().build();

    private final int attempts;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Duration retryAfterCap;
    private final Duration deadline;
    private final int maxErrorBodyBytes;
    private final StatusPolicy policy;

    private ClientSettings(Builder b) {
        this.attempts = b.attempts;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.backoffBase = b.backoffBase;
        this.backoffCap = b.backoffCap;
        this.retryAfterCap = b.retryAfterCap;
        this.deadline = b.deadline;
        this.maxErrorBodyBytes = b.maxErrorBodyBytes;
        this.policy = b.policy;
    }

    public static ClientSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.attempts = attempts;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.backoffBase = backoffBase;
        b.backoffCap = backoffCap;
        b.retryAfterCap = retryAfterCap;
        b.deadline = deadline;
        b.maxErrorBodyBytes = maxErrorBodyBytes;
        b.policy = policy;
        return b;
    }

    /** Attempts in all for retryable answers (1 = no retry). */
    public int attempts() {
        return attempts;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The whole-call timeout of one attempt: connect, send, wait and read the answer. */
    public Duration callTimeout() {
        return callTimeout;
    }

    public Duration backoffBase() {
        return backoffBase;
    }

    public Duration backoffCap() {
        return backoffCap;
    }

    /** The longest {@code Retry-After} that is honoured; longer asks are shortened to this. */
    public Duration retryAfterCap() {
        return retryAfterCap;
    }

    /** The most one secret's deletion may take, all attempts and waits included. */
    public Duration deadline() {
        return deadline;
    }

    public int maxErrorBodyBytes() {
        return maxErrorBodyBytes;
    }

    public StatusPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "ClientSettings{attempts=" + attempts + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", callTimeout=" + callTimeout + ", backoffBase=" + backoffBase + ", backoffCap="
                + backoffCap + ", retryAfterCap=" + retryAfterCap + ", deadline=" + deadline + ", policy=" + policy
                + "}";
    }

    public static final class Builder {
        private int attempts = 3;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private Duration backoffBase = Duration.ofSeconds(1);
        private Duration backoffCap = Duration.ofSeconds(30);
        private Duration retryAfterCap = Duration.ofSeconds(30);
        private Duration deadline = Duration.ofMinutes(5);
        private int maxErrorBodyBytes = 64 * 1024;
        private StatusPolicy policy = StatusPolicy.defaults();

        private Builder() {}

        public Builder attempts(int attempts) {
            if (attempts < 1 || attempts > MAX_ATTEMPTS) {
                throw new InvalidInputException(
                        "Attempts " + attempts + " is invalid: it must be from 1 to " + MAX_ATTEMPTS + ".");
            }
            this.attempts = attempts;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("Connect timeout", d, Duration.ofMinutes(10));
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = positive("Read timeout", d, Duration.ofMinutes(10));
            return this;
        }

        public Builder callTimeout(Duration d) {
            this.callTimeout = positive("Call timeout", d, Duration.ofMinutes(30));
            return this;
        }

        public Builder backoffBase(Duration d) {
            this.backoffBase = nonNegative("Backoff base", d);
            return this;
        }

        public Builder backoffCap(Duration d) {
            this.backoffCap = nonNegative("Backoff cap", d);
            return this;
        }

        public Builder retryAfterCap(Duration d) {
            this.retryAfterCap = nonNegative("Retry-After cap", d);
            return this;
        }

        public Builder deadline(Duration d) {
            this.deadline = positive("Deadline", d, Duration.ofHours(2));
            return this;
        }

        public Builder maxErrorBodyBytes(int bytes) {
            if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
                throw new InvalidInputException(
                        "Error body limit " + bytes + " is invalid: it must be from 1024 bytes to 16 MiB.");
            }
            this.maxErrorBodyBytes = bytes;
            return this;
        }

        public Builder policy(StatusPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Shortcut for {@code policy(policy().toBuilder().ifMissing(outcome).build())}. */
        public Builder ifMissing(Outcome outcome) {
            this.policy = policy.toBuilder().ifMissing(outcome).build();
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(this);
        }

        private static Duration positive(String what, Duration d, Duration max) {
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
                throw new InvalidInputException(what + " " + d + " is invalid: it must be more than 0 and at most "
                        + max.toSeconds() + " seconds.");
            }
            return d;
        }

        private static Duration nonNegative(String what, Duration d) {
            if (d == null || d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException(what + " " + d + " is invalid: it must be from 0 to 3600 seconds.");
            }
            return d;
        }
    }
}
