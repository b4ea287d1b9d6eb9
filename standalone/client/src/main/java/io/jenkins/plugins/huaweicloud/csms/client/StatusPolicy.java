package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what happened into a build outcome. The defaults are the project's status table: deleted is SUCCESS,
 * already absent follows {@code ifMissing} (UNSTABLE), transient trouble that outlived its retries is UNSTABLE,
 * everything that needs a person to act is FAILURE. Every row can be overridden.
 */
public final class StatusPolicy {
    private static final StatusPolicy DEFAULTS = builder().build();

    private final Map<ResultKind, Outcome> outcomes;

    private StatusPolicy(Map<ResultKind, Outcome> outcomes) {
        this.outcomes = new EnumMap<>(outcomes);
    }

    public static StatusPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.outcomes.putAll(outcomes);
        return b;
    }

    public Outcome outcomeFor(ResultKind kind) {
        return outcomes.get(kind);
    }

    /** The outcome when the secret was already absent. */
    public Outcome ifMissing() {
        return outcomes.get(ResultKind.ALREADY_ABSENT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusPolicy other && outcomes.equals(other.outcomes);
    }

    @Override
    public int hashCode() {
        return outcomes.hashCode();
    }

    @Override
    public String toString() {
        return "StatusPolicy" + outcomes;
    }

    public static final class Builder {
        private final Map<ResultKind, Outcome> outcomes = new EnumMap<>(ResultKind.class);

        private Builder() {
            outcomes.put(ResultKind.DELETED, Outcome.SUCCESS);
            outcomes.put(ResultKind.ALREADY_ABSENT, Outcome.UNSTABLE);
            outcomes.put(ResultKind.ABSENT_AFTER_RETRY, Outcome.SUCCESS);
            outcomes.put(ResultKind.SCHEDULED, Outcome.SUCCESS);
            outcomes.put(ResultKind.RESTORED, Outcome.SUCCESS);
            outcomes.put(ResultKind.NOT_SCHEDULED, Outcome.UNSTABLE);
            outcomes.put(ResultKind.PENDING_DELETION, Outcome.FAILURE);
            outcomes.put(ResultKind.REJECTED, Outcome.FAILURE);
            outcomes.put(ResultKind.UNAUTHORIZED, Outcome.FAILURE);
            outcomes.put(ResultKind.FORBIDDEN, Outcome.FAILURE);
            outcomes.put(ResultKind.THROTTLED, Outcome.UNSTABLE);
            outcomes.put(ResultKind.SERVER_ERROR, Outcome.UNSTABLE);
            outcomes.put(ResultKind.NETWORK_ERROR, Outcome.UNSTABLE);
            outcomes.put(ResultKind.REDIRECT, Outcome.FAILURE);
            outcomes.put(ResultKind.UNEXPECTED_STATUS, Outcome.FAILURE);
            outcomes.put(ResultKind.TOKEN_ERROR, Outcome.FAILURE);
        }

        /** The outcome when the secret is already absent (default UNSTABLE). */
        public Builder ifMissing(Outcome outcome) {
            return outcome(ResultKind.ALREADY_ABSENT, outcome);
        }

        public Builder outcome(ResultKind kind, Outcome outcome) {
            outcomes.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(outcome, "outcome"));
            return this;
        }

        public StatusPolicy build() {
            return new StatusPolicy(outcomes);
        }
    }
}
