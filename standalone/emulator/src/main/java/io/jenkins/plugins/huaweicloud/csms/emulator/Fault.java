package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One scripted answer for a request that names a secret ({@code GET} or {@code DELETE
 * /v1/{project}/secrets/{name}}). Scripts are queued per secret name with {@link
 * CsmsEmulator#script(String, Fault...)} and consumed in order, one entry per matching request.
 *
 * <p>Immutable: the modifiers return a copy.
 *
 * <pre>{@code
 * emu.script("pr-42-db",
 *         Fault.status(503),
 *         Fault.status(429).retryAfter(2),
 *         Fault.drop(),
 *         Fault.applyThenDrop().onlyFor("DELETE"));
 * }</pre>
 */
public final class Fault {

    /** What the emulator does with the request that consumes the entry. */
    public enum Kind {
        /** Answer with {@link #status()} and an error body; nothing changes on the server. */
        STATUS,
        /** Close the connection without sending any response; nothing changes on the server. */
        DROP,
        /** Perform the request (e.g. really delete), then close the connection without answering. */
        APPLY_THEN_DROP,
        /** Answer normally (useful to order "normal, then failing" or to add a delay only). */
        PASS
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final String message;
    private final Integer retryAfterSeconds;
    private final Duration delay;
    private final String method;
    private final boolean echoToken;

    private Fault(
            Kind kind,
            int status,
            String errorCode,
            String message,
            Integer retryAfterSeconds,
            Duration delay,
            String method) {
        this(kind, status, errorCode, message, retryAfterSeconds, delay, method, false);
    }

    private Fault(
            Kind kind,
            int status,
            String errorCode,
            String message,
            Integer retryAfterSeconds,
            Duration delay,
            String method,
            boolean echoToken) {
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.message = message;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.method = method;
        this.echoToken = echoToken;
    }

    /**
     * Answers with this HTTP status. The error body uses {@link ErrorCodes#defaultFor(int)} unless
     * {@link #errorCode(String)} sets another; a 2xx status answers with an empty body and changes
     * nothing.
     */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        return new Fault(Kind.STATUS, status, null, null, null, Duration.ZERO, null);
    }

    /** Closes the connection without answering and without touching the secret. */
    public static Fault drop() {
        return new Fault(Kind.DROP, 0, null, null, null, Duration.ZERO, null);
    }

    /**
     * Performs the request, then closes the connection without answering: the client cannot tell
     * whether its delete happened (the "connection reset after the request was sent" case).
     */
    public static Fault applyThenDrop() {
        return new Fault(Kind.APPLY_THEN_DROP, 0, null, null, null, Duration.ZERO, null);
    }

    /** Answers normally. */
    public static Fault pass() {
        return new Fault(Kind.PASS, 0, null, null, null, Duration.ZERO, null);
    }

    /** Waits {@code delay}, then answers normally. */
    public static Fault delay(Duration delay) {
        return pass().withDelay(delay);
    }

    /** Adds a {@code Retry-After: seconds} header to a {@link Kind#STATUS} answer. */
    public Fault retryAfter(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After must be >= 0");
        }
        return new Fault(kind, status, errorCode, message, seconds, delay, method, echoToken);
    }

    /** Uses this {@code error_code} in the body of a {@link Kind#STATUS} answer. */
    public Fault errorCode(String code) {
        return new Fault(
                kind, status, Objects.requireNonNull(code), message, retryAfterSeconds, delay, method, echoToken);
    }

    /** Uses this {@code error_msg} in the body of a {@link Kind#STATUS} answer. */
    public Fault message(String text) {
        return new Fault(
                kind, status, errorCode, Objects.requireNonNull(text), retryAfterSeconds, delay, method, echoToken);
    }

    /** Waits this long before acting (on top of any global latency). */
    public Fault withDelay(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(kind, status, errorCode, message, retryAfterSeconds, wait, method, echoToken);
    }

    /**
     * Restricts the entry to one HTTP method (e.g. {@code "DELETE"}): requests with another method
     * neither consume it nor are affected while it is first in the queue.
     */
    public Fault onlyFor(String httpMethod) {
        return new Fault(
                kind,
                status,
                errorCode,
                message,
                retryAfterSeconds,
                delay,
                httpMethod.toUpperCase(Locale.ROOT),
                echoToken);
    }

    /**
     * Makes a {@link Kind#STATUS} answer echo the request's {@code X-Auth-Token} back, whole, at the end of its
     * {@code error_msg} and as its {@code X-Request-Id}, the way a careless gateway does ("Invalid X-Auth-Token:
     * ..."): for tests that no client output ever shows it.
     */
    public Fault echoToken() {
        return new Fault(kind, status, errorCode, message, retryAfterSeconds, delay, method, true);
    }

    /** Whether a {@link Kind#STATUS} answer echoes the request's token. */
    public boolean echoesToken() {
        return echoToken;
    }

    /** What this entry does. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status of a {@link Kind#STATUS} entry, otherwise 0. */
    public int status() {
        return status;
    }

    /** The error code to send: the one set, or the default for the status. */
    public String effectiveErrorCode() {
        return errorCode != null ? errorCode : ErrorCodes.defaultFor(status);
    }

    /** The error message to send: the one set, or a default naming the emulator. */
    public String effectiveMessage() {
        return message != null ? message : ErrorCodes.defaultMessageFor(status);
    }

    /** The {@code Retry-After} seconds, or {@code null} for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The extra wait before acting. */
    public Duration delay() {
        return delay;
    }

    /** The method the entry is restricted to, or {@code null} for any. */
    public String method() {
        return method;
    }

    boolean appliesTo(String httpMethod) {
        return method == null || method.equals(httpMethod);
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (kind == Kind.STATUS ? " " + status : "")
                + (retryAfterSeconds != null ? " retryAfter=" + retryAfterSeconds : "")
                + (delay.isZero() ? "" : " delay=" + delay.toMillis() + "ms")
                + (method != null ? " only " + method : "") + (echoToken ? " echoToken" : "") + "]";
    }
}
