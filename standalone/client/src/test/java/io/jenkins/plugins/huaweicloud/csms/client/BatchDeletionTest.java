package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchDeletionTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(java.util.function.Function<String, MockResponse> byName) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    String name = request.getUrl().pathSegments().get(3);
                    MockResponse response = byName.apply(name);
                    if (response.getCode() == 200) {
                        deleted.add(name);
                    }
                    return response;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
    }

    private CsmsClient client() {
        return Fixtures.client(server, clock, sleeper).build();
    }

    private static List<SecretName> names(int n) {
        List<SecretName> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(SecretName.of("s-" + i));
        }
        return names;
    }

    @Test
    void everyNameIsDeletedExactlyOnce() throws Exception {
        answer(name -> Fixtures.status(200));
        List<DeletionResult> results = new ArrayList<>();

        BatchSummary summary = BatchDeletion.of(client()).run(PROJECT, names(60), results::add);

        assertThat(summary.total()).isEqualTo(60);
        assertThat(summary.succeeded()).isEqualTo(60);
        assertThat(summary.worst()).isEqualTo(Outcome.SUCCESS);
        assertThat(results).hasSize(60);
        assertThat(deleted).hasSize(60);
        assertThat(server.getRequestCount()).isEqualTo(60);
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        answer(name -> new MockResponse.Builder()
                .code(200)
                .headersDelay(20, TimeUnit.MILLISECONDS)
                .build());
        // Track in-flight on the client side: the server's dispatcher runs before the delay.
        AtomicInteger clientSide = new AtomicInteger();
        AtomicInteger clientMax = new AtomicInteger();
        okhttp3.OkHttpClient counting = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    clientMax.accumulateAndGet(clientSide.incrementAndGet(), Math::max);
                    try {
                        return chain.proceed(chain.request());
                    } finally {
                        clientSide.decrementAndGet();
                    }
                })
                .build();
        CsmsClient client =
                Fixtures.client(server, clock, sleeper).httpClient(counting).build();

        BatchDeletion.of(client).concurrency(3).rate(100).run(PROJECT, names(30), r -> {});

        assertThat(clientMax.get()).isBetween(2, 3);
        assertThat(deleted).hasSize(30);
    }

    @Test
    void theOutcomeIsTheWorstAndEachIsCounted() throws Exception {
        answer(name -> switch (name) {
            case "s-1" -> Fixtures.status(404);
            case "s-2" -> Fixtures.error(403, "CSMS.0401", "forbidden");
            default -> Fixtures.status(200);
        });

        BatchSummary summary = BatchDeletion.of(client()).run(PROJECT, names(5), r -> {});

        assertThat(summary.succeeded()).isEqualTo(3);
        assertThat(summary.unstable()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.worst()).isEqualTo(Outcome.FAILURE);
        assertThat(summary.toString()).contains("3 SUCCESS").contains("1 FAILURE");
    }

    @Test
    void aThrottleSlowsTheWholeBatch() throws Exception {
        AtomicInteger first = new AtomicInteger();
        answer(name -> first.getAndIncrement() == 0
                ? new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "3")
                        .build()
                : Fixtures.status(200));

        BatchSummary summary =
                BatchDeletion.of(client()).concurrency(1).rate(10).run(PROJECT, names(4), r -> {});

        assertThat(summary.throttledAnswers()).isEqualTo(1);
        assertThat(summary.succeeded()).isEqualTo(4);
        // The pacer paused every later request for the Retry-After and then ran at half the rate.
        assertThat(sleeper.sleeps).contains(Duration.ofSeconds(3));
        assertThat(sleeper.sleeps.stream().filter(d -> d.equals(Duration.ofMillis(200))))
                .isNotEmpty();
    }

    @Test
    void aHugeRetryAfterPausesTheBatchNoLongerThanTheCap() throws Exception {
        AtomicInteger first = new AtomicInteger();
        answer(name -> first.getAndIncrement() == 0
                ? new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "86400")
                        .build()
                : Fixtures.status(200));

        BatchSummary summary =
                BatchDeletion.of(client()).concurrency(1).rate(10).run(PROJECT, names(3), r -> {});

        assertThat(summary.succeeded()).isEqualTo(3);
        // The retry itself honours the cap (30 s); the shared pause must not be longer than that either.
        assertThat(sleeper.sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void theRateIsHeldAcrossWorkers() throws Exception {
        answer(name -> Fixtures.status(200));

        BatchDeletion.of(client()).concurrency(4).rate(10).run(PROJECT, names(21), r -> {});

        // 21 requests at 10/s: the pacer handed out slots 100 ms apart, 2 s in all on the fake clock.
        long waited = sleeper.sleeps.stream().mapToLong(Duration::toMillis).sum();
        assertThat(waited).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void namesAreStreamedFromALazyIteratorAndResultsHandedOverAsTheyFinish() throws Exception {
        answer(name -> Fixtures.status(200));
        int n = 2000;
        Iterator<SecretName> lazy = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public SecretName next() {
                return SecretName.of("lazy-" + next++);
            }
        };
        AtomicInteger handed = new AtomicInteger();

        BatchSummary summary = BatchDeletion.of(client()).rate(100).run(PROJECT, lazy, r -> handed.incrementAndGet());

        assertThat(handed.get()).isEqualTo(n);
        assertThat(summary.total()).isEqualTo(n);
        assertThat(deleted).hasSize(n);
    }

    @Test
    void anEmptyBatchSucceedsAndSendsNothing() throws Exception {
        answer(name -> Fixtures.status(200));
        BatchSummary summary = BatchDeletion.of(client()).run(PROJECT, List.of(), r -> {});
        assertThat(summary.total()).isZero();
        assertThat(summary.worst()).isEqualTo(Outcome.SUCCESS);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anInterruptStopsTheBatchAndPropagates() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build();
            }
        });
        CsmsClient client = client();
        CompletableFuture<Thread> runner = new CompletableFuture<>();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            runner.complete(Thread.currentThread());
            try {
                outcome.complete(BatchDeletion.of(client).run(PROJECT, names(10), r -> {}));
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.start();
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

        runner.get().interrupt();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aFailingWorkerStopsTheOthersAndNoResultIsHandedOverAfterRunReturns() throws Exception {
        answer(name -> new MockResponse.Builder()
                .code(200)
                .headersDelay(100, TimeUnit.MILLISECONDS)
                .build());
        List<String> afterReturn = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();

        // The second worker's consumer call fails; the first worker must not go on deleting the rest.
        assertThatThrownBy(() -> {
                    try {
                        BatchDeletion.of(client()).concurrency(2).rate(100).run(PROJECT, names(20), r -> {
                            if (returned.get()) {
                                afterReturn.add(r.name());
                            }
                            if (Thread.currentThread().getName().equals("csms-batch-2")) {
                                throw new IllegalStateException("consumer failed");
                            }
                        });
                    } finally {
                        returned.set(true);
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("consumer failed");

        assertThat(server.getRequestCount()).isLessThan(6);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("csms-batch-") && t.isAlive());
        assertThat(afterReturn).isEmpty();
    }

    @Test
    void concurrencyAndRateAreValidated() {
        BatchDeletion batch = BatchDeletion.of(client());
        assertThatThrownBy(() -> batch.concurrency(0)).hasMessageContaining("from 1 to 32");
        assertThatThrownBy(() -> batch.concurrency(33)).hasMessageContaining("from 1 to 32");
        assertThatThrownBy(() -> batch.rate(0)).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> batch.rate(Double.NaN)).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> batch.rate(101)).hasMessageContaining("at most 100");
    }

    @Test
    void aStoppedBatchStartsNoSecretAndNoRetryButReportsTheAnswerInFlight() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        answer(name -> {
            stopping.set(true); // the stop arrives while this request is being answered
            return Fixtures.status(503);
        });
        List<DeletionResult> results = new ArrayList<>();

        BatchSummary summary = BatchDeletion.of(client())
                .concurrency(1)
                .stopWhen(stopping::get)
                .run(PROJECT, names(3), results::add);

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("s-0");
            assertThat(r.kind()).isEqualTo(ResultKind.SERVER_ERROR);
            assertThat(r.reason()).endsWith("not retried: the run is stopping");
        });
        assertThat(summary.total()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }
}
