package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The faults of the security checklist, each over a real socket. Timeouts here guard, they do not measure. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultsTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CsmsClient.Builder client() {
        return Fixtures.client(server, clock, sleeper);
    }

    private static MockResponse disconnectAfterRequest() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build();
    }

    @Test
    void disconnectAfterTheRequestIsRetriedThenUnstable() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(disconnectAfterRequest());
        }

        DeletionResult r = client().build().delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.status()).isZero();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(r.reason()).contains("network error reaching").contains(server.getHostName());
    }

    @Test
    void resetThenNotFoundMeansTheFirstAttemptDeletedIt() throws Exception {
        server.enqueue(disconnectAfterRequest());
        server.enqueue(Fixtures.error(404, "CSMS.0005", "not found"));

        DeletionResult r = client().build().delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.ABSENT_AFTER_RETRY);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.reason()).contains("deleted by an earlier attempt");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void resetThenSuccessIsSuccess() throws Exception {
        server.enqueue(disconnectAfterRequest());
        server.enqueue(status(200));

        DeletionResult r = client().build().delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.DELETED);
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void stalledSocketEndsWithTheReadTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        DeletionResult r = client().settings(Fixtures.fastSettings()
                        .attempts(1)
                        .readTimeout(Duration.ofMillis(300))
                        .build())
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.reason()).contains("timeout");
    }

    @Test
    void aBatchPacerWaitCountsAgainstTheDeadline() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        CsmsClient client = client().settings(Fixtures.fastSettings()
                        .attempts(1)
                        .readTimeout(Duration.ofSeconds(20))
                        .callTimeout(Duration.ofSeconds(20))
                        .deadline(Duration.ofMillis(20_500))
                        .build())
                .build();
        // A shared pacer that held this secret back for 20 s of its 20.5 s deadline.
        Pacer slow = new Pacer() {
            @Override
            public void beforeRequest() throws InterruptedException {
                sleeper.sleep(Duration.ofSeconds(20));
            }

            @Override
            public void throttled(Duration retryAfter) {}

            @Override
            public void answered() {}
        };

        long started = System.nanoTime();
        DeletionResult r = new DeletionCall(client, PROJECT, NAME, slow).run();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.reason()).contains("call timeout");
        // Only the 0.5 s left of the deadline, not a fresh 20 s call timeout.
        assertThat(tookMillis).isLessThan(10_000);
    }

    @Test
    void bodyDrippingSlowerThanTheCallTimeoutEndsWithTheCallTimeout() throws Exception {
        // One byte a second never trips a 5 s read timeout; only the whole-call timeout can end it.
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .body("x".repeat(100))
                .throttleBody(1, 1, TimeUnit.SECONDS)
                .build());

        DeletionResult r = client().settings(Fixtures.fastSettings()
                        .attempts(1)
                        .readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofMillis(700))
                        .build())
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.reason()).contains("call timeout");
    }

    @Test
    void hugeErrorBodyIsReadOnlyUpToTheLimit() throws Exception {
        AtomicLong written = new AtomicLong();
        long fiftyMegabytes = 50L * 1024 * 1024;
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .addHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return fiftyMegabytes;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        byte[] chunk = ("{\"error_code\":\"CSMS.0001\",\"error_msg\":\"" + "m".repeat(8000))
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        byte[] filler = new byte[64 * 1024];
                        java.util.Arrays.fill(filler, (byte) 'm');
                        sink.write(chunk);
                        written.addAndGet(chunk.length);
                        while (written.get() < fiftyMegabytes) {
                            sink.write(filler);
                            written.addAndGet(filler.length);
                        }
                    }
                })
                .build());

        DeletionResult r = client().settings(Fixtures.fastSettings().attempts(1).build())
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.kind()).isEqualTo(ResultKind.SERVER_ERROR);
        // Truncated JSON still yields its code, and the message is capped for the log line.
        assertThat(r.errorCode()).isEqualTo("CSMS.0001");
        assertThat(r.errorMessage()).hasSizeLessThanOrEqualTo(LogText.MAX_LENGTH);
        // The client hung up long before the server could write it all.
        assertThat(written.get()).isLessThan(fiftyMegabytes);
    }

    @Test
    void htmlErrorPageGivesAStatusMessageNotAParseError() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
                .build());

        DeletionResult r = client().settings(Fixtures.fastSettings().attempts(1).build())
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.SERVER_ERROR);
        assertThat(r.errorCode()).isNull();
        assertThat(r.reason()).contains("HTTP 502 from " + server.getHostName());
        // The page's words, as plain text: no tag survives.
        assertThat(r.errorMessage()).isEqualTo("502 Bad Gateway nginx");
    }

    @Test
    void gatewayBodyRequestIdIsUsedWhenTheHeaderIsMissing() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .body("{\"error_code\":\"APIG.0308\",\"error_msg\":\"over ratelimit\",\"request_id\":\"gw-77\"}")
                .build());

        DeletionResult r = client().settings(Fixtures.fastSettings().attempts(1).build())
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.requestId()).isEqualTo("gw-77");
        assertThat(r.errorCode()).isEqualTo("APIG.0308");
    }

    @Test
    void serverTextCannotForgeLogLines() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("X-Request-Id", "ok-1")
                .body(
                        "{\"error_code\":\"CSMS.0002\",\"error_msg\":\"bad\\n[Pipeline] SUCCESS: all good\\r\\u001b[2J\"}")
                .build());

        DeletionResult r = client().build().delete(PROJECT, NAME);

        assertThat(r.errorMessage()).doesNotContain("\n", "\r", "\u001b");
        assertThat(r.toLogLine()).doesNotContain("\n", "\r", "\u001b");
    }

    @Test
    void connectionRefusedIsRetriedAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CsmsClient client =
                client().endpoint(Endpoint.of("http://127.0.0.1:" + closedPort)).build();

        DeletionResult r = client.delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.reason()).contains("connection refused").contains("127.0.0.1");
    }

    @Test
    void refusedThenNotFoundIsStillAbsentBecauseNothingWasSent() throws Exception {
        // A refused connection never reached the server, so a later 404 is not our doing.
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        OkHttpClient flaky = new OkHttpClient.Builder()
                .addInterceptor(new RefuseOnce(closedPort))
                .build();
        server.enqueue(status(404));

        DeletionResult r = client().httpClient(flaky).build().delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.ALREADY_ABSENT);
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void unknownHostIsNotRetried() throws Exception {
        OkHttpClient noDns = new OkHttpClient.Builder()
                .dns(host -> {
                    throw new UnknownHostException(host);
                })
                .build();
        CsmsClient client = client().endpoint(Endpoint.of("https://kms.nowhere-1.myhuaweicloud.com"))
                .httpClient(noDns)
                .build();

        DeletionResult r = client.delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.reason()).contains("unknown host").contains("kms.nowhere-1.myhuaweicloud.com");
    }

    @Test
    void interruptDuringTheCallCancelsItAndPropagates() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        CsmsClient client = client().build();
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            worker.complete(Thread.currentThread());
            try {
                outcome.complete(client.delete(PROJECT, NAME));
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.start();

        // Interrupt once the server holds the request: the call is in flight, stalled.
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
        worker.get().interrupt();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theWatchOutlivesAnEventListenerThatThrowsOnCancel() throws Exception {
        OkHttpClient throwing = new OkHttpClient.Builder()
                .eventListener(new okhttp3.EventListener() {
                    @Override
                    public void canceled(okhttp3.Call call) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .build();
        // Long read and call timeouts, so only the watch can end the stalled calls within the 10 s guard.
        CsmsClient client = client().httpClient(throwing)
                .settings(Fixtures.fastSettings()
                        .readTimeout(Duration.ofSeconds(60))
                        .callTimeout(Duration.ofSeconds(60))
                        .build())
                .build();
        for (int round = 0; round < 2; round++) {
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(SocketEffect.Stall.INSTANCE)
                    .build());
            CompletableFuture<Thread> worker = new CompletableFuture<>();
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            new Thread(() -> {
                        worker.complete(Thread.currentThread());
                        try {
                            outcome.complete(client.delete(PROJECT, NAME));
                        } catch (Throwable e) {
                            outcome.complete(e);
                        }
                    })
                    .start();
            assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

            worker.get().interrupt();

            assertThat(outcome.get(10, TimeUnit.SECONDS)).as("round " + round).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void interruptDuringBackoffPropagatesWithoutAnotherRequest() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200));
        CsmsClient client = client().sleeper(d -> {
                    throw new InterruptedException("aborted");
                })
                .build();

        assertThatThrownBy(() -> client.delete(PROJECT, NAME)).isInstanceOf(InterruptedException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void alreadyInterruptedThreadSendsNothing() throws Exception {
        server.enqueue(status(200));
        CsmsClient client = client().build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.delete(PROJECT, NAME)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void tokenSourceFailureGivesATokenErrorAndSendsNothing() throws Exception {
        CsmsClient client = client().tokenSource(new TokenSource() {
                    @Override
                    public Token token() throws TokenException {
                        throw new TokenException("IAM refused", 401, "iam-1");
                    }

                    @Override
                    public boolean refreshAfterRejection(Token rejected) {
                        return false;
                    }
                })
                .build();

        DeletionResult r = client.delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.attempts()).isZero();
        assertThat(r.requestId()).isEqualTo("iam-1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void callerClientCannotTurnRedirectsOrSilentRetriesBackOn() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            server.enqueue(new MockResponse.Builder()
                    .code(307)
                    .addHeader("Location", other.url("/x").toString())
                    .build());
            OkHttpClient permissive = new OkHttpClient.Builder()
                    .followRedirects(true)
                    .retryOnConnectionFailure(true)
                    .build();

            DeletionResult r = client().httpClient(permissive).build().delete(PROJECT, NAME);

            assertThat(r.kind()).isEqualTo(ResultKind.REDIRECT);
            assertThat(other.getRequestCount()).isZero();
        }
    }

    /** Sends the first request to a closed port, so it is refused before reaching anything. */
    private static final class RefuseOnce implements okhttp3.Interceptor {
        private final int closedPort;
        private boolean refused;

        RefuseOnce(int closedPort) {
            this.closedPort = closedPort;
        }

        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            if (!refused) {
                refused = true;
                throw new java.net.ConnectException("Failed to connect to /127.0.0.1:" + closedPort);
            }
            return chain.proceed(chain.request());
        }
    }
}
