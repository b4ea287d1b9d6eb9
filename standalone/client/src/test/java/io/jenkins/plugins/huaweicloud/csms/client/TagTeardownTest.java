package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.RecordedRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Teardown by tag: parsing KEY=VALUE, the query body, paging by offset, the rails and the listing's retries. */
class TagTeardownTest {
    private static final ProjectId PROJECT = ProjectId.of(CsmsEmulator.DEMO_PROJECT_ID);
    private static final String INSTANCES = "/v1/" + PROJECT.value() + "/csms/resource_instances/action";

    private CsmsEmulator emulator;
    private CsmsClient client;
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder().start();
        client = CsmsClient.builder()
                .endpoint(Endpoint.of(emulator.url()))
                .tokenSource(TokenSource.fixed(Token.of(emulator.issueToken(PROJECT.value()))))
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(sleeper)
                .build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void tagged(String name, String... keyValues) {
        emulator.createSecret(PROJECT.value(), name, "v");
        for (int i = 0; i < keyValues.length; i += 2) {
            emulator.tagSecret(PROJECT.value(), name, keyValues[i], keyValues[i + 1]);
        }
    }

    @Test
    void parsingCombinesValuesOfOneKeyAndKeepsKeysApart() {
        List<TagFilter> tags = TagFilter.parse(List.of("env=pr-42", "team=a=b", "env=pr-43", "env=pr-42"));

        assertThat(tags)
                .containsExactly(
                        new TagFilter("env", List.of("pr-42", "pr-43")), new TagFilter("team", List.of("a=b")));
        assertThat(TagTeardown.describe(tags)).isEqualTo("env=pr-42|pr-43 and team=a=b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "=pr-42", "env=", "env=a\nb"})
    void badTagsAreRefusedAndSayWhatIsAllowed(String spec) {
        assertThatThrownBy(() -> TagFilter.parse(List.of(spec)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is invalid")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void tooManyKeysAreRefused() {
        List<String> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            specs.add("k" + i + "=v");
        }
        assertThatThrownBy(() -> TagFilter.parse(specs)).hasMessageContaining("at most 20 keys");
    }

    @Test
    void theQueryBodyHasStringLimitAndOffset() throws Exception {
        JsonNode body =
                Json.mapper().readTree(TagTeardown.filterBody(TagFilter.parse(List.of("env=pr-42", "env=pr-43")), 200));

        assertThat(body.get("action").asText()).isEqualTo("filter");
        assertThat(body.get("limit").isTextual()).isTrue();
        assertThat(body.get("limit").asText()).isEqualTo("100");
        assertThat(body.get("offset").isTextual()).isTrue();
        assertThat(body.get("offset").asText()).isEqualTo("200");
        assertThat(body.get("tags").toString()).isEqualTo("[{\"key\":\"env\",\"values\":[\"pr-42\",\"pr-43\"]}]");
    }

    @Test
    void planFindsTheTaggedSecretsAcrossPagesAndSendsNoDelete() throws Exception {
        for (int i = 0; i < 150; i++) {
            tagged(String.format("pr-42.s%03d", i), "env", "pr-42");
        }
        tagged("prod-db", "env", "prod");
        tagged("team-only", "team", "x");

        TagTeardown.Plan plan = TagTeardown.plan(client, PROJECT, TagFilter.parse(List.of("env=pr-42")), 1000);

        assertThat(plan.matched()).isEqualTo(150);
        assertThat(plan.names()).hasSize(150).doesNotContain(SecretName.of("prod-db"));
        assertThat(plan.overLimit()).isFalse();
        assertThat(plan.refusal()).isNull();
        // 100 + 50 + the empty page that ends it
        assertThat(emulator.requestCount("POST", INSTANCES)).isEqualTo(3);
        assertThat(emulator.requests()).extracting(RecordedRequest::method).containsOnly("POST");
        assertThat(emulator.secretNames(PROJECT.value())).hasSize(152);
    }

    @Test
    void keysAreAndValuesAreOr() throws Exception {
        tagged("a", "env", "pr-42", "team", "x");
        tagged("b", "env", "pr-43", "team", "x");
        tagged("c", "env", "pr-42");

        TagTeardown.Plan plan =
                TagTeardown.plan(client, PROJECT, TagFilter.parse(List.of("env=pr-42", "env=pr-43", "team=x")), 100);

        assertThat(plan.names()).extracting(SecretName::value).containsExactly("a", "b");
    }

    @Test
    void overTheMaximumCountNothingIsPlannedBeyondItAndTheRefusalNamesTheCount() throws Exception {
        for (int i = 0; i < 5; i++) {
            tagged("s" + i, "env", "pr-42");
        }

        TagTeardown.Plan plan = TagTeardown.plan(client, PROJECT, TagFilter.parse(List.of("env=pr-42")), 3);

        assertThat(plan.overLimit()).isTrue();
        assertThat(plan.matched()).isEqualTo(5);
        assertThat(plan.names()).hasSize(3);
        assertThat(plan.refusal())
                .contains("5 secrets have the tags env=pr-42, more than the maximum of 3")
                .contains("nothing was deleted");
    }

    @Test
    void aFailingPageIsRetriedLikeThePrefixListing() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Fixtures.error(503, "APIG.0203", "busy"));
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body("{\"resources\":[{\"resource_id\":\"i\",\"resource_name\":\"pr-1\"}],\"total_count\":1}")
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body("{\"resources\":[],\"total_count\":1}")
                    .build());
            CsmsClient c = Fixtures.client(server, clock, sleeper).build();

            TagTeardown.Plan plan = TagTeardown.plan(c, Fixtures.PROJECT, TagFilter.parse(List.of("env=x")), 10);

            assertThat(plan.names()).extracting(SecretName::value).containsExactly("pr-1");
            assertThat(sleeper.sleeps).hasSize(1);
            assertThat(server.getRequestCount()).isEqualTo(3);
            mockwebserver3.RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(first.getMethod()).isEqualTo("POST");
            assertThat(first.getHeaders().get("X-Auth-Token")).isEqualTo(Fixtures.TOKEN_TEXT);
            assertThat(first.getBody().utf8()).contains("\"offset\":\"0\"");
            server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).contains("\"offset\":\"1\"");
        }
    }

    @Test
    void aRefusedListingFailsWithTheStatusAndNothingElseIsSent() {
        CsmsClient foreign = CsmsClient.builder()
                .endpoint(Endpoint.of(emulator.url()))
                .tokenSource(TokenSource.fixed(Token.of(emulator.issueToken("f".repeat(32)))))
                .settings(Fixtures.fastSettings().build())
                .build();

        assertThatThrownBy(() -> TagTeardown.plan(foreign, PROJECT, TagFilter.parse(List.of("env=x")), 10))
                .isInstanceOf(ListingException.class)
                .hasMessageContaining("HTTP 403")
                .satisfies(e -> assertThat(((ListingException) e).status()).isEqualTo(403));
        assertThat(emulator.requestCount()).isEqualTo(1);
    }
}
