package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A slow IAM exchange (held open by the test, no sleeping) while other threads ask for the token: they share the one
 * exchange, nothing waits on a monitor held across the call, and an interrupted waiter leaves at once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IamSingleFlightTest {
    private static final String TOKEN = "MIIE-iam-single-flight-" + "t".repeat(40);

    private final MockWebServer iam = new MockWebServer();
    private final CountDownLatch exchangeArrived = new CountDownLatch(1);
    private final CountDownLatch releaseExchange = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        iam.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                exchangeArrived.countDown();
                releaseExchange.await();
                return new MockResponse.Builder()
                        .code(201)
                        .addHeader("X-Subject-Token", TOKEN)
                        .body("{\"token\":{\"expires_at\":\"2099-01-01T00:00:00Z\"}}")
                        .build();
            }
        });
        iam.start();
    }

    @AfterEach
    void stop() {
        releaseExchange.countDown();
        threads.shutdownNow();
        iam.close();
    }

    private IamPasswordTokenSource source() {
        IamPasswordCredentials login =
                new IamPasswordCredentials(Fixtures.endpoint(iam), "acme", "alice", "secret-password", PROJECT);
        return new IamPasswordTokenSource(
                login, CsmsClient.newHttpClient(Fixtures.fastSettings().build()));
    }

    @Test
    void anInterruptedWaiterLeavesWhileTheExchangeIsStillInFlight() throws Exception {
        IamPasswordTokenSource tokens = source();
        Future<Token> leader = threads.submit(tokens::token);
        exchangeArrived.await();
        CountDownLatch waiterStarted = new CountDownLatch(1);
        Thread[] waiterThread = new Thread[1];
        Future<Token> waiter = threads.submit(() -> {
            waiterThread[0] = Thread.currentThread();
            waiterStarted.countDown();
            return tokens.token();
        });
        waiterStarted.await();

        waiterThread[0].interrupt();

        // With a monitor held across the IAM call, the waiter would block on it, deaf to the interrupt.
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(leader.isDone()).as("the exchange is still in flight").isFalse();
        releaseExchange.countDown();
        assertThat(leader.get().value()).isEqualTo(TOKEN);
        assertThat(iam.getRequestCount()).isEqualTo(1);
    }

    @Test
    void waitersShareTheExchangeAndTheSourceAnswersMeanwhile() throws Exception {
        IamPasswordTokenSource tokens = source();
        Future<Token> first = threads.submit(tokens::token);
        exchangeArrived.await();
        Future<Token> second = threads.submit(tokens::token);
        Future<Token> third = threads.submit(tokens::token);

        // Bookkeeping stays available while the exchange runs (it used to share the monitor of the call).
        Future<Integer> count = threads.submit(tokens::exchanges);
        assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        releaseExchange.countDown();

        assertThat(first.get().value()).isEqualTo(TOKEN);
        assertThat(second.get().value()).isEqualTo(TOKEN);
        assertThat(third.get().value()).isEqualTo(TOKEN);
        assertThat(iam.getRequestCount()).isEqualTo(1);
        assertThat(tokens.exchanges()).isEqualTo(1);
    }

    @Test
    void whenTheCallerMakingTheExchangeIsInterruptedAWaiterTakesOver() throws Exception {
        IamPasswordTokenSource tokens = source();
        Thread[] leaderThread = new Thread[1];
        Future<Token> leader = threads.submit(() -> {
            leaderThread[0] = Thread.currentThread();
            return tokens.token();
        });
        exchangeArrived.await();
        Future<Token> waiter = threads.submit(tokens::token);

        leaderThread[0].interrupt();
        assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        releaseExchange.countDown();

        assertThat(waiter.get(10, TimeUnit.SECONDS).value()).isEqualTo(TOKEN);
        assertThat(tokens.exchanges()).isEqualTo(2);
    }
}
