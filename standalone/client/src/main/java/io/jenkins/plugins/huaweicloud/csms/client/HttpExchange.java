package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Runs one request on the calling thread so that an interrupt of that thread (a Jenkins abort) cancels the HTTP
 * call within a fraction of a second ({@link InterruptWatch}) and surfaces as {@link InterruptedException}, and the
 * whole call, body included, ends once its time is up.
 */
final class HttpExchange {
    private HttpExchange() {}

    static HttpAnswer execute(OkHttpClient http, Request request, Duration callTimeout, int maxBodyBytes)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before the request was sent");
        }
        Call call = http.newCall(request);
        InterruptWatch.Watched watched = InterruptWatch.begin(call, Math.max(1, callTimeout.toNanos()));
        try (Response response = call.execute()) {
            HttpAnswer answer = read(response, maxBodyBytes);
            if (answer.bodyTruncated()) {
                // Closing would let okhttp drain the rest of the body to reuse the connection; drop it instead.
                call.cancel();
            }
            return answer;
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during the request");
            }
            if (watched.timedOut()) {
                // The same words okhttp uses for its own call timeout.
                InterruptedIOException timeout = new InterruptedIOException("timeout");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            InterruptWatch.end();
        }
    }

    // Reads at most maxBodyBytes: an error page can be any size, and only its start is ever needed.
    private static HttpAnswer read(Response response, int maxBodyBytes) throws IOException {
        Buffer buffer = new Buffer();
        BufferedSource source = response.body().source();
        while (buffer.size() < maxBodyBytes) {
            if (source.read(buffer, maxBodyBytes - buffer.size()) == -1) {
                break;
            }
        }
        boolean truncated = buffer.size() >= maxBodyBytes && !source.exhausted();
        return new HttpAnswer(response.code(), response.headers(), buffer.readByteArray(), truncated);
    }
}
