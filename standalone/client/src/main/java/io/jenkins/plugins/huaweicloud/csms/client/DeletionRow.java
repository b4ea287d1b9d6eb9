package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * One secret's outcome as a build page shows it and a build record stores it: what a {@link DeletionResult} says
 * (already cleaned and redacted by the engine, never a token) and when it was recorded. Immutable.
 *
 * <p>A plain class of Strings and numbers, not a record and without {@code Duration} or enum fields, so that
 * Jenkins' XStream writes it as one element per field and reads it back.
 */
public final class DeletionRow {
    private final String name;
    private final String project;
    private final String endpointHost;
    private final String outcome;
    private final String kind;
    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final int attempts;
    private final long durationMillis;
    private final long timestamp;
    private final String reason;

    private DeletionRow(DeletionResult r, long timestamp) {
        this.name = r.name();
        this.project = r.project();
        this.endpointHost = r.endpointHost();
        this.outcome = r.outcome().name();
        this.kind = r.kind().name();
        this.status = r.status();
        this.errorCode = r.errorCode();
        this.errorMessage = r.errorMessage();
        this.requestId = r.requestId();
        this.attempts = r.attempts();
        this.durationMillis = r.duration().toMillis();
        this.timestamp = timestamp;
        this.reason = r.reason();
    }

    /** The row of a result recorded at {@code timestampMillis} (milliseconds since the epoch). */
    public static DeletionRow of(DeletionResult result, long timestampMillis) {
        return new DeletionRow(Objects.requireNonNull(result, "result"), timestampMillis);
    }

    /** The rows of results recorded together, in their order. */
    public static List<DeletionRow> all(List<DeletionResult> results, long timestampMillis) {
        return results.stream().map(r -> of(r, timestampMillis)).toList();
    }

    public String getName() {
        return name;
    }

    public String getProject() {
        return project;
    }

    /** The host the request went to, or null. */
    public String getEndpointHost() {
        return endpointHost;
    }

    /** {@code SUCCESS}, {@code UNSTABLE} or {@code FAILURE}. */
    public String getOutcome() {
        return outcome;
    }

    /** The {@link ResultKind} by name, e.g. {@code DELETED}. */
    public String getKind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int getStatus() {
        return status;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public int getAttempts() {
        return attempts;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    /** When the row was recorded (a new {@link Date} each call: Date is mutable). */
    public Date getTime() {
        return new Date(timestamp);
    }

    public String getReason() {
        return reason;
    }
}
