package io.jenkins.plugins.huaweicloud.csms.emulator;

import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String SECRETS = "/v1/" + PROJECT + "/secrets";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CsmsEmulator emu;

    @AfterEach
    void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    private Http start(CsmsEmulator.Builder builder) {
        emu = builder.clock(clock).start();
        return new Http(emu.url(), emu.issueToken(PROJECT));
    }

    @Test
    void scriptedStatusesAreConsumedInOrderThenNormal() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script(
                "x",
                Fault.status(503),
                Fault.status(429).retryAfter(2),
                Fault.status(500).errorCode("CSMS.9999"));

        Http.Result first = http.delete(SECRETS + "/x");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isNull();
        assertThat(first.json().get("error_code").asText()).isEqualTo(ErrorCodes.UNAVAILABLE);

        Http.Result second = http.delete(SECRETS + "/x");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("2");
        assertThat(second.json().get("error_code").asText()).isEqualTo("APIG.0308");

        Http.Result third = http.delete(SECRETS + "/x");
        assertThat(third.status()).isEqualTo(500);
        assertThat(third.json().get("error_code").asText()).isEqualTo("CSMS.9999");
        assertThat(emu.hasSecret(PROJECT, "x")).isTrue();

        assertThat(http.delete(SECRETS + "/x").status()).isEqualTo(200);
        assertThat(emu.pendingScript("x")).isZero();
    }

    @Test
    void anEchoFaultRepeatsTheRequestsTokenInTheMessageAndTheRequestId() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        String token = emu.issueToken(PROJECT);
        http = new Http(emu.url(), token);
        emu.script(
                "x",
                Fault.status(400)
                        .errorCode("CSMS.0002")
                        .message("Invalid X-Auth-Token")
                        .echoToken());

        Http.Result echoed = http.delete(SECRETS + "/x");

        assertThat(echoed.status()).isEqualTo(400);
        assertThat(echoed.json().get("error_code").asText()).isEqualTo("CSMS.0002");
        assertThat(echoed.json().get("error_msg").asText()).isEqualTo("Invalid X-Auth-Token: " + token);
        assertThat(echoed.header("X-Request-Id")).isEqualTo(token);
        assertThat(emu.hasSecret(PROJECT, "x")).isTrue();
        assertThat(http.delete(SECRETS + "/x").header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void scriptsAreKeptPerName() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v").secret(PROJECT, "y", "v"));
        emu.script("x", Fault.status(502).message("custom words"));

        assertThat(http.delete(SECRETS + "/y").status()).isEqualTo(200);
        Http.Result x = http.delete(SECRETS + "/x");
        assertThat(x.status()).isEqualTo(502);
        assertThat(x.json().get("error_msg").asText()).isEqualTo("custom words");
    }

    @Test
    void methodRestrictedEntryWaitsForItsMethod() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script("x", Fault.status(503).onlyFor("delete"));

        assertThat(http.get(SECRETS + "/x").status()).isEqualTo(200);
        assertThat(emu.pendingScript("x")).isEqualTo(1);
        assertThat(http.delete(SECRETS + "/x").status()).isEqualTo(503);
        assertThat(emu.pendingScript("x")).isZero();
    }

    @Test
    void scriptedStatusOnCreateLeavesNothingCreated() throws IOException {
        Http http = start(CsmsEmulator.builder());
        emu.script("new-one", Fault.status(504));

        assertThat(http.post(SECRETS, "{\"name\":\"new-one\",\"secret_string\":\"v\"}")
                        .status())
                .isEqualTo(504);
        assertThat(emu.secretNames(PROJECT)).isEmpty();
    }

    @Test
    void scriptsApplyOnlyAfterTheTokenCheck() throws IOException {
        start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script("x", Fault.status(503));

        assertThat(new Http(emu.url(), null).delete(SECRETS + "/x").status()).isEqualTo(401);
        assertThat(emu.pendingScript("x")).isEqualTo(1);
    }

    @Test
    void dropClosesTheConnectionWithoutAnyResponse() throws IOException {
        start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script("x", Fault.drop());
        String token = emu.issueToken(PROJECT);

        try (Socket socket = new Socket("127.0.0.1", emu.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("DELETE " + SECRETS + "/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (IOException reset) {
                read = -1; // a reset is as good as end of stream: no byte of an answer arrived
            }
            assertThat(read).isEqualTo(-1);
        }
        assertThat(emu.hasSecret(PROJECT, "x")).isTrue();
        assertThat(emu.requests()).extracting(RecordedRequest::status).containsExactly(0);
    }

    @Test
    void dropIsAnIoErrorForOkHttpAndTheNextRequestWorks() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script("x", Fault.drop());

        assertThatThrownBy(() -> http.delete(SECRETS + "/x")).isInstanceOf(IOException.class);
        assertThat(emu.hasSecret(PROJECT, "x")).isTrue();
        assertThat(http.delete(SECRETS + "/x").status()).isEqualTo(200);
        assertThat(emu.requestCount("DELETE", SECRETS + "/x")).isEqualTo(2);
    }

    @Test
    void applyThenDropDeletesButNeverAnswers() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script("x", Fault.applyThenDrop());

        assertThatThrownBy(() -> http.delete(SECRETS + "/x")).isInstanceOf(IOException.class);
        assertThat(emu.hasSecret(PROJECT, "x")).isFalse();
        assertThat(http.delete(SECRETS + "/x").status()).isEqualTo(404);
    }

    @Test
    void scriptedDelayThenNormalAnswer() throws IOException {
        Http http = start(CsmsEmulator.builder().secret(PROJECT, "x", "v"));
        emu.script("x", Fault.delay(Duration.ofMillis(200)));

        long t0 = System.nanoTime();
        assertThat(http.get(SECRETS + "/x").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void rateLimitAnswers429WithinOneWindowAndRecoversInTheNext() throws IOException {
        Http http = start(CsmsEmulator.builder().rateLimit(3));

        for (int i = 0; i < 3; i++) {
            assertThat(http.get(SECRETS).status()).isEqualTo(200);
        }
        Http.Result throttled = http.get(SECRETS);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.json().get("error_code").asText()).isEqualTo("APIG.0308");
        assertThat(throttled.json().get("error_msg").asText())
                .isEqualTo(
                        "The throttling threshold has been reached: policy user over ratelimit, limit:3, time:1 second");
        assertThat(emu.throttledCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get(SECRETS).status()).isEqualTo(200);
    }

    @Test
    void rateLimitIgnoresIamAndCanBeChangedAtRunTime() throws IOException {
        Http http = start(CsmsEmulator.builder().user("d", "u", "p", PROJECT).rateLimit(1));

        assertThat(http.get(SECRETS).status()).isEqualTo(200);
        assertThat(http.post("/v3/auth/tokens", IamTest.login("d", "u", "p", PROJECT))
                        .status())
                .isEqualTo(201);
        assertThat(http.get(SECRETS).status()).isEqualTo(429);
        emu.setRateLimit(0);
        assertThat(http.get(SECRETS).status()).isEqualTo(200);
    }

    @Test
    void rateLimitWithTheRealClockThrottlesABurst() throws IOException {
        emu = CsmsEmulator.builder().rateLimit(20).start();
        Http http = new Http(emu.url(), emu.issueToken(PROJECT));

        // Real time: however slow the machine, 1000 requests cannot all fit under 20 per second.
        int throttled = 0;
        int sent = 0;
        while (throttled < 5 && sent < 1000) {
            sent++;
            if (http.get(SECRETS).status() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isEqualTo(5);
        assertThat(emu.throttledCount()).isEqualTo(throttled);
    }

    @Test
    void seededErrorRateIsDeterministic() throws IOException {
        List<Integer> first = statuses(CsmsEmulator.builder().errorRate(0.5, 42), 40);
        List<Integer> second = statuses(CsmsEmulator.builder().errorRate(0.5, 42), 40);
        List<Integer> other = statuses(CsmsEmulator.builder().errorRate(0.5, 7), 40);

        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        assertThat(first).contains(200).containsAnyOf(500, 502, 503).isSubsetOf(200, 500, 502, 503);
    }

    @Test
    void errorRateOfOneFailsEveryAuthorisedRequestAndZeroNone() throws IOException {
        assertThat(statuses(CsmsEmulator.builder().errorRate(1.0, 1), 10)).doesNotContain(200);
        assertThat(statuses(CsmsEmulator.builder().errorRate(0.0, 1), 10)).containsOnly(200);
    }

    @Test
    void fixedLatencyDelaysEveryRequest() throws IOException {
        Http http = start(CsmsEmulator.builder().latency(Duration.ofMillis(200)));

        long t0 = System.nanoTime();
        assertThat(http.get(SECRETS).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void latencyCanBeSetAtRunTime() throws IOException {
        Http http = start(CsmsEmulator.builder());
        emu.setLatency(Duration.ofMillis(150));

        long t0 = System.nanoTime();
        http.get(SECRETS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void slowRequestsAreServedConcurrently() throws Exception {
        Http http = start(CsmsEmulator.builder().latency(Duration.ofMillis(400)));
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());

        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> {
                try {
                    statuses.add(http.get(SECRETS).status());
                } catch (IOException e) {
                    statuses.add(-1);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(statuses).hasSize(6).containsOnly(200);
        // Served one after another this would take 2.4 s.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1600));
    }

    private List<Integer> statuses(CsmsEmulator.Builder builder, int n) throws IOException {
        try (CsmsEmulator e = builder.start()) {
            Http http = new Http(e.url(), e.issueToken(PROJECT));
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(http.get(SECRETS).status());
            }
            return out;
        }
    }
}
