package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One request in flight. Every way out (answer or drop) goes through here, so each one is recorded
 * exactly once, before the client can see it, and every answer carries {@code X-Request-Id}.
 */
final class Call {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpExchange exchange;
    private final RequestLog log;
    private String requestId;
    private boolean finished;

    Call(HttpExchange exchange, RequestLog log) {
        this.exchange = exchange;
        this.log = log;
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        this.requestId = HexFormat.of().formatHex(id);
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The raw path: percent escapes stay, so {@code a%2Fb} is one invalid name, not two segments. */
    String path() {
        return exchange.getRequestURI().getRawPath();
    }

    String query() {
        return exchange.getRequestURI().getRawQuery();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    HttpExchange exchange() {
        return exchange;
    }

    boolean finished() {
        return finished;
    }

    /** Answers with a JSON body. */
    void json(int status, byte[] body) throws IOException {
        send(status, body, null);
    }

    /** Answers with a CSMS-style error body and optionally {@code Retry-After}. */
    void csmsError(int status, String code, String message, Integer retryAfterSeconds) throws IOException {
        send(status, Json.csmsError(code, message), retryAfterSeconds);
    }

    void csmsError(int status, String code, String message) throws IOException {
        csmsError(status, code, message, null);
    }

    /** Answers with no body at all ({@code Content-Length: 0}). */
    void empty(int status) throws IOException {
        send(status, null, null);
    }

    /** Sends this text as the answer's {@code X-Request-Id} instead of a fresh id (an echo fault). */
    void echoRequestId(String text) {
        this.requestId = text;
    }

    /** Adds a response header to the answer still to be sent. */
    void responseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /**
     * Closes the socket without a status line. {@code HttpExchange.close()} before {@code
     * sendResponseHeaders} closes the underlying connection; the client sees end of stream.
     */
    void drop() {
        if (finished) {
            return;
        }
        finished = true;
        record(0);
        exchange.close();
    }

    private void send(int status, byte[] body, Integer retryAfterSeconds) throws IOException {
        if (finished) {
            throw new IllegalStateException("already answered");
        }
        finished = true;
        record(status);
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        if (retryAfterSeconds != null) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        }
        if (body != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        }
        // -1 = no body; HEAD requests must not get one either.
        boolean noBody = body == null || "HEAD".equals(method()) || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private void record(int status) {
        boolean hasToken = exchange.getRequestHeaders().containsKey("X-Auth-Token");
        log.record(new RecordedRequest(method(), path(), query(), hasToken, status));
    }
}
