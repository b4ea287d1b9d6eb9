package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to one secret: the last HTTP answer (if any), the service's error, the request id Huawei support
 * asks for, how many attempts it took and what it means for the build. Immutable; server text is already cleaned.
 */
public final class DeletionResult {

    private final String project;
    private final String name;
    private final String endpointHost;
    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final int attempts;
    private final Duration duration;
    private final ResultKind kind;
    private final Outcome outcome;
    private final String reason;

    DeletionResult(Builder b) {
        this.project = Objects.requireNonNull(b.project, "project");
        this.name = Objects.requireNonNull(b.name, "name");
        this.endpointHost = b.endpointHost;
        this.status = b.status;
        // Every text that may come from a server passes the run's redactor last, after it has been shortened.
        SecretRedactor redactor = b.redactor;
        this.errorCode = redactor.redact(b.errorCode);
        this.errorMessage = redactor.redact(LogText.clean(b.errorMessage));
        this.requestId = RequestIds.clean(redactor.redact(b.requestId));
        this.attempts = b.attempts;
        this.duration = b.duration == null ? Duration.ZERO : b.duration;
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.reason = redactor.redact(LogText.clean(Objects.requireNonNull(b.reason, "reason"), 1024));
    }

    static Builder builder() {
        return new Builder();
    }

    public String project() {
        return project;
    }

    public String name() {
        return name;
    }

    public String endpointHost() {
        return endpointHost;
    }

    /** The last HTTP status CSMS answered, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The service's error code such as {@code CSMS.0005}, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The service's error message, without control characters and at most 512 characters, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The {@code X-Request-Id} of the last answer, or null. */
    public String requestId() {
        return requestId;
    }

    /** Requests sent for this secret. */
    public int attempts() {
        return attempts;
    }

    public Duration duration() {
        return duration;
    }

    public ResultKind kind() {
        return kind;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** One sentence saying what happened and why it has this outcome. */
    public String reason() {
        return reason;
    }

    /**
     * One line for a build log or a terminal, e.g. {@code SUCCESS pr-42-db: deleted (project …, host …, HTTP 200,
     * request id …, 1 attempt, 85 ms)}.
     */
    public String toLogLine() {
        StringBuilder s = new StringBuilder();
        s.append(outcome).append(' ').append(name).append(": ").append(reason);
        s.append(" (project ").append(project);
        if (endpointHost != null) {
            s.append(", host ").append(endpointHost);
        }
        s.append(status == 0 ? ", no HTTP answer" : ", HTTP " + status);
        if (errorCode != null) {
            s.append(' ').append(errorCode);
        }
        if (errorMessage != null) {
            s.append(" \"").append(errorMessage).append('"');
        }
        if (requestId != null) {
            s.append(", request id ").append(requestId);
        }
        s.append(", ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        s.append(", ").append(duration.toMillis()).append(" ms)");
        return s.toString();
    }

    /** The result as an ordered map (for a pipeline's return value and JSON). Absent values are null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("project", project);
        m.put("outcome", outcome.name());
        m.put("status", status);
        m.put("errorCode", errorCode);
        m.put("errorMessage", errorMessage);
        m.put("requestId", requestId);
        m.put("attempts", attempts);
        m.put("durationMillis", duration.toMillis());
        m.put("kind", kind.name());
        m.put("reason", reason);
        m.put("endpointHost", endpointHost);
        return Collections.unmodifiableMap(m);
    }

    /** One JSON object on one line. */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a map of strings and numbers", e);
        }
    }

    @Override
    public String toString() {
        return toLogLine();
    }

    static final class Builder {
        private String project;
        private String name;
        private String endpointHost;
        private int status;
        private String errorCode;
        private String errorMessage;
        private String requestId;
        private int attempts;
        private Duration duration;
        private ResultKind kind;
        private Outcome outcome;
        private String reason;
        private SecretRedactor redactor = new SecretRedactor();

        Builder redactor(SecretRedactor v) {
            redactor = v;
            return this;
        }

        Builder project(String v) {
            project = v;
            return this;
        }

        Builder name(String v) {
            name = v;
            return this;
        }

        Builder endpointHost(String v) {
            endpointHost = v;
            return this;
        }

        Builder status(int v) {
            status = v;
            return this;
        }

        Builder errorCode(String v) {
            errorCode = v;
            return this;
        }

        Builder errorMessage(String v) {
            errorMessage = v;
            return this;
        }

        Builder requestId(String v) {
            requestId = v;
            return this;
        }

        Builder attempts(int v) {
            attempts = v;
            return this;
        }

        Builder duration(Duration v) {
            duration = v;
            return this;
        }

        Builder kind(ResultKind v) {
            kind = v;
            return this;
        }

        Builder outcome(Outcome v) {
            outcome = v;
            return this;
        }

        Builder reason(String v) {
            reason = v;
            return this;
        }

        DeletionResult build() {
            return new DeletionResult(this);
        }
    }
}
