package io.jenkins.plugins.huaweicloud.csms.emulator;

import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountersAndLifecycleTest {
    private static final String SECRETS = "/v1/" + PROJECT + "/secrets";

    @Test
    void countersRecordMethodPathAndTokenPresenceButNotTheToken() throws IOException {
        try (CsmsEmulator emu = CsmsEmulator.builder().secret(PROJECT, "x", "v").start()) {
            String token = emu.issueToken(PROJECT);
            assertThat(emu.requestCount()).isZero();
            assertThat(emu.requests()).isEmpty();

            new Http(emu.url(), token).delete(SECRETS + "/x");
            new Http(emu.url(), null).get(SECRETS + "?limit=5");

            assertThat(emu.requestCount()).isEqualTo(2);
            assertThat(emu.requestCount("DELETE", SECRETS + "/x")).isEqualTo(1);
            assertThat(emu.requestCount("GET", SECRETS)).isEqualTo(1);
            assertThat(emu.requestCount("GET", SECRETS + "/x")).isZero();
            assertThat(emu.requests())
                    .containsExactly(
                            new RecordedRequest("DELETE", SECRETS + "/x", null, true, 200),
                            new RecordedRequest("GET", SECRETS, "limit=5", false, 401));
            assertThat(emu.requests().toString()).doesNotContain(token);

            emu.resetCounters();
            assertThat(emu.requestCount()).isZero();
            assertThat(emu.requests()).isEmpty();
            assertThat(emu.requestCount("DELETE", SECRETS + "/x")).isZero();
        }
    }

    @Test
    void javaApiCallsAreNotCountedAsRequests() {
        try (CsmsEmulator emu = CsmsEmulator.start()) {
            emu.issueToken(PROJECT);
            emu.createSecret(PROJECT, "a", "v");
            emu.secretNames(PROJECT);

            assertThat(emu.requestCount()).isZero();
        }
    }

    @Test
    void everyAnswerCarriesARequestId() throws IOException {
        try (CsmsEmulator emu =
                CsmsEmulator.builder().user("d", "u", "p", PROJECT).start()) {
            emu.script("s", Fault.status(503));
            Http ok = new Http(emu.url(), emu.issueToken(PROJECT));
            Http noToken = new Http(emu.url(), null);

            for (Http.Result r : new Http.Result[] {
                ok.get(SECRETS),
                ok.delete(SECRETS + "/missing"),
                ok.delete(SECRETS + "/s"),
                ok.delete(SECRETS + "/bad.name"),
                noToken.get(SECRETS),
                noToken.get("/nowhere"),
                noToken.post("/v3/auth/tokens", IamTest.login("d", "u", "p", PROJECT)),
                noToken.post("/v3/auth/tokens", IamTest.login("d", "u", "wrong", PROJECT))
            }) {
                assertThat(r.header("X-Request-Id")).as("status %d", r.status()).matches("[0-9a-f]{32}");
            }
        }
    }

    @Test
    void requestIdsDiffer() throws IOException {
        try (CsmsEmulator emu = CsmsEmulator.start()) {
            Http http = new Http(emu.url(), null);
            assertThat(http.get(SECRETS).header("X-Request-Id"))
                    .isNotEqualTo(http.get(SECRETS).header("X-Request-Id"));
        }
    }

    @Test
    void urlIsLoopbackWithThePort() {
        try (CsmsEmulator emu = CsmsEmulator.start()) {
            assertThat(emu.port()).isPositive();
            assertThat(emu.url()).isEqualTo("http://127.0.0.1:" + emu.port());
        }
    }

    @Test
    void closeFreesThePortPromptly() throws IOException {
        CsmsEmulator emu =
                CsmsEmulator.builder().latency(Duration.ofSeconds(30)).start();
        int port = emu.port();

        long t0 = System.nanoTime();
        emu.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));

        assertThatThrownBy(() -> new Http("http://127.0.0.1:" + port, null).get(SECRETS))
                .isInstanceOf(IOException.class);
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.isBound()).isTrue();
        }
    }

    @Test
    void aFixedPortCanBeReusedAfterClose() {
        int port;
        try (CsmsEmulator first = CsmsEmulator.start()) {
            port = first.port();
        }
        try (CsmsEmulator second = CsmsEmulator.builder().port(port).start()) {
            assertThat(second.port()).isEqualTo(port);
        }
    }

    @Test
    void closeAbandonsRequestsStillWaitingOnLatency() throws Exception {
        CsmsEmulator emu =
                CsmsEmulator.builder().latency(Duration.ofSeconds(30)).start();
        Http http = new Http(emu.url(), null);
        java.util.concurrent.CompletableFuture<Integer> pending =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.get(SECRETS).status();
                    } catch (IOException e) {
                        return -1;
                    }
                });
        // Wait until the server holds the request (no sleep: poll the thread pool's work via a short spin).
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t ->
                                t.getName().startsWith("csms-emulator-") && t.getState() == Thread.State.TIMED_WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        emu.close();

        assertThat(pending.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> CsmsEmulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsmsEmulator.builder().rateLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsmsEmulator.builder().errorRate(1.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsmsEmulator.builder().tokenLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsmsEmulator.builder().user("d", "u", "p", "not-a-project"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBuilderStartsOnlyOnce() {
        CsmsEmulator.Builder builder = CsmsEmulator.builder();
        try (CsmsEmulator emu = builder.start()) {
            assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aBusyPortIsAClearError() {
        try (CsmsEmulator first = CsmsEmulator.start()) {
            assertThatThrownBy(() -> CsmsEmulator.builder().port(first.port()).start())
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining(Integer.toString(first.port()));
        }
    }

    @Test
    void demoProjectIdIs32LowercaseHex() {
        assertThat(CsmsEmulator.DEMO_PROJECT_ID).matches("[0-9a-f]{32}");
    }
}
