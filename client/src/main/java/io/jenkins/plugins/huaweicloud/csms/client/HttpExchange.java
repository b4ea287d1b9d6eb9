package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Runs one request so that an interrupt of the calling thread (a Jenkins abort) cancels the HTTP call at once:
 * a thread blocked in a socket read does not notice interrupts, so the call runs on okhttp's dispatcher and this
 * thread waits on a future it can leave.
 */
final class HttpExchange {
    private HttpExchange() {}

    static HttpAnswer execute(OkHttpClient http, Request request, Duration callTimeout, int maxBodyBytes)
            throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before the request was sent");
        }
        Call call = http.newCall(request);
        call.timeout().timeout(Math.max(1, callTimeout.toMillis()), TimeUnit.MILLISECONDS);
        CompletableFuture<HttpAnswer> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    answer.complete(read(response, maxBodyBytes));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new InterruptedIOException(
                    "request failed: " + cause.getClass().getSimpleName());
        }
    }

    // Reads at most maxBodyBytes: an error page can be any size, and only its start is ever needed.
    private static HttpAnswer read(Response response, int maxBodyBytes) throws IOException {
        ResponseBody body = response.body();
        Buffer buffer = new Buffer();
        boolean truncated = false;
        BufferedSource source = body.source();
        while (buffer.size() < maxBodyBytes) {
            long read = source.read(buffer, maxBodyBytes - buffer.size());
            if (read == -1) {
                break;
            }
        }
        if (buffer.size() >= maxBodyBytes && !source.exhausted()) {
            truncated = true;
        }
        return new HttpAnswer(response.code(), response.headers(), buffer.readByteArray(), truncated);
    }
}
