package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing faults over MockWebServer (paging itself is tested against the emulator in PrefixTeardownTest). */
class SecretListerTest {
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

    private static MockResponse page(String nextMarker, String... names) {
        StringBuilder body = new StringBuilder("{\"secrets\":[");
        for (int i = 0; i < names.length; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(names[i])
                    .append("\",\"state\":\"ENABLED\"}");
        }
        body.append("],\"page_info\":{\"next_marker\":")
                .append(nextMarker == null ? "null" : "\"" + nextMarker + "\"")
                .append(",\"current_count\":")
                .append(names.length)
                .append("}}");
        return new MockResponse.Builder().code(200).body(body.toString()).build();
    }

    private List<String> list() throws Exception {
        List<String> names = new ArrayList<>();
        new SecretLister(Fixtures.client(server, clock, sleeper).build()).forEachName(PROJECT, names::add);
        return names;
    }

    @Test
    void pagesAreRequestedWithLimitAndTheMarker() throws Exception {
        server.enqueue(page("b", "a", "b"));
        server.enqueue(page(null, "c"));

        assertThat(list()).containsExactly("a", "b", "c");

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/" + PROJECT.value() + "/secrets?limit=50");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/" + PROJECT.value() + "/secrets?limit=50&marker=b");
    }

    @Test
    void aThrottledPageIsRetriedAfterRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "2")
                .build());
        server.enqueue(page(null, "a"));

        assertThat(list()).containsExactly("a");
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void persistentServerErrorsEndTheListingAfterTheAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Fixtures.error(503, "APIG.0203", "unavailable"));
        }

        assertThatThrownBy(this::list)
                .isInstanceOf(ListingException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 3 attempts");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aBodyWithoutASecretsListIsAnError() {
        server.enqueue(
                new MockResponse.Builder().code(200).body("<html>ok</html>").build());

        assertThatThrownBy(this::list)
                .isInstanceOf(ListingException.class)
                .hasMessageContaining("without a \"secrets\" list");
    }

    @Test
    void aRepeatedMarkerEndsTheListingInsteadOfLoopingForever() throws Exception {
        server.enqueue(page("a", "a"));
        server.enqueue(page("a", "a"));

        assertThat(list()).containsExactly("a", "a");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void probeReadsOneNameOnceAndReportsTheRequestId() throws Exception {
        server.enqueue(
                page("a", "a").newBuilder().addHeader("X-Request-Id", "probe-1").build());

        ProbeResult r = Fixtures.client(server, clock, sleeper).build().probe(PROJECT);

        assertThat(r.ok()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.requestId()).isEqualTo("probe-1");
        assertThat(r.message()).contains("accepted the token");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/" + PROJECT.value() + "/secrets?limit=1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void probeReportsARefusalWithItsCode() throws Exception {
        server.enqueue(Fixtures.error(403, "CSMS.0401", "no permission"));

        ProbeResult r = Fixtures.client(server, clock, sleeper).build().probe(PROJECT);

        assertThat(r.ok()).isFalse();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("CSMS.0401");
        assertThat(r.requestId()).isEqualTo("req-403");
        assertThat(r.message()).contains("HTTP 403").contains("no permission");
    }

    @Test
    void probeDoesNotRetryAServerError() throws Exception {
        server.enqueue(Fixtures.status(503));
        server.enqueue(page(null, "a"));

        ProbeResult r = Fixtures.client(server, clock, sleeper).build().probe(PROJECT);

        assertThat(r.ok()).isFalse();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.message()).doesNotContain("after");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }
}
