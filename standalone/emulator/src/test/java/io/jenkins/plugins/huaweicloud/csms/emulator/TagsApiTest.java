package io.jenkins.plugins.huaweicloud.csms.emulator;

import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.OTHER;
import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags per secret id, and the query by tag ({@code resource_instances/action}). */
class TagsApiTest {
    private static final String CSMS = "/v1/" + PROJECT + "/csms/";
    private static final String INSTANCES = CSMS + "resource_instances/action";

    private CsmsEmulator emu;
    private Http http;

    @BeforeEach
    void start() {
        emu = CsmsEmulator.start();
        http = new Http(emu.url(), emu.issueToken(PROJECT));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private String tags(String name) {
        return CSMS + emu.secretId(PROJECT, name) + "/tags";
    }

    @Test
    void tagsAreAddedListedAndRemovedBySecretId() throws IOException {
        emu.createSecret(PROJECT, "s", "v");

        assertThat(http.post(tags("s"), "{\"tag\":{\"key\":\"env\",\"value\":\"pr-42\"}}")
                        .status())
                .isEqualTo(204);
        assertThat(http.post(
                                tags("s") + "/action",
                                "{\"action\":\"create\",\"tags\":[{\"key\":\"team\",\"value\":\"a\"},"
                                        + "{\"key\":\"env\",\"value\":\"pr-43\"}]}")
                        .status())
                .isEqualTo(204);

        JsonNode listed = http.get(tags("s")).json();
        assertThat(listed.get("tags").toString())
                .isEqualTo("[{\"key\":\"env\",\"value\":\"pr-43\"},{\"key\":\"team\",\"value\":\"a\"}]");
        assertThat(listed.get("sys_tags")).isEmpty();

        assertThat(http.post(tags("s") + "/action", "{\"action\":\"delete\",\"tags\":[{\"key\":\"team\"}]}")
                        .status())
                .isEqualTo(204);
        assertThat(http.delete(tags("s") + "/env").status()).isEqualTo(204);
        assertThat(emu.secretTags(PROJECT, "s")).isEmpty();
    }

    @Test
    void atMostTwentyTagsPerSecret() throws IOException {
        emu.createSecret(PROJECT, "s", "v");
        for (int i = 0; i < 20; i++) {
            emu.tagSecret(PROJECT, "s", "k" + i, "v");
        }

        Http.Result r = http.post(tags("s"), "{\"tag\":{\"key\":\"one-more\",\"value\":\"v\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(emu.secretTags(PROJECT, "s")).hasSize(20).doesNotContainKey("one-more");
        // Overwriting an existing key is no new tag.
        assertThat(http.post(tags("s"), "{\"tag\":{\"key\":\"k0\",\"value\":\"w\"}}")
                        .status())
                .isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"tag\":{\"key\":\"\",\"value\":\"v\"}}",
                "{\"tag\":{\"value\":\"v\"}}",
                "{\"action\":\"rename\",\"tags\":[]}"
            })
    void badTagBodiesAre400(String body) throws IOException {
        emu.createSecret(PROJECT, "s", "v");
        String path = body.contains("action") ? tags("s") + "/action" : tags("s");

        Http.Result r = http.post(path, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    }

    @Test
    void tagsOfAnUnknownSecretIdAre404() throws IOException {
        Http.Result r = http.get(CSMS + "5f1b7f5e-0000-4000-8000-000000000000/tags");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error_code").asText()).isEqualTo("CSMS.0005");
    }

    private void seedTagged() {
        for (String n : List.of("a-1", "a-2", "b-1", "c-1", "d-1")) {
            emu.createSecret(PROJECT, n, "v");
        }
        emu.tagSecret(PROJECT, "a-1", "env", "pr-42");
        emu.tagSecret(PROJECT, "a-1", "team", "x");
        emu.tagSecret(PROJECT, "a-2", "env", "pr-42");
        emu.tagSecret(PROJECT, "b-1", "env", "pr-43");
        emu.tagSecret(PROJECT, "b-1", "team", "x");
        emu.tagSecret(PROJECT, "c-1", "env", "prod");
        emu.createSecret(OTHER, "other-project", "v");
        emu.tagSecret(OTHER, "other-project", "env", "pr-42");
    }

    private List<String> filter(String tagsJson, String extra) throws IOException {
        Http.Result r = http.post(
                INSTANCES,
                "{\"action\":\"filter\",\"limit\":\"100\",\"offset\":\"0\",\"tags\":" + tagsJson + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("resources").forEach(n -> names.add(n.get("resource_name").asText()));
        assertThat(r.json().get("total_count").asInt()).isEqualTo(names.size());
        return names;
    }

    @Test
    void filterCombinesKeysWithAndAndValuesWithOr() throws IOException {
        seedTagged();

        assertThat(filter("[{\"key\":\"env\",\"values\":[\"pr-42\"]}]", "")).containsExactly("a-1", "a-2");
        assertThat(filter("[{\"key\":\"env\",\"values\":[\"pr-42\",\"pr-43\"]}]", ""))
                .containsExactly("a-1", "a-2", "b-1");
        assertThat(filter(
                        "[{\"key\":\"env\",\"values\":[\"pr-42\",\"pr-43\"]},{\"key\":\"team\",\"values\":[\"x\"]}]",
                        ""))
                .containsExactly("a-1", "b-1");
        assertThat(filter("[{\"key\":\"env\",\"values\":[]}]", "")).containsExactly("a-1", "a-2", "b-1", "c-1");
        assertThat(filter("[{\"key\":\"env\",\"values\":[\"pr-4\"]}]", "")).isEmpty();
        assertThat(filter(
                        "[{\"key\":\"env\",\"values\":[\"pr-42\",\"pr-43\"]}]",
                        ",\"matches\":[{\"key\":\"resource_name\",\"value\":\"b-\"}]"))
                .containsExactly("b-1");
    }

    @Test
    void filterGivesIdDetailAndTagsOfEachResource() throws IOException {
        seedTagged();

        JsonNode r = http.post(
                        INSTANCES,
                        "{\"action\":\"filter\",\"limit\":\"1\",\"offset\":\"0\","
                                + "\"tags\":[{\"key\":\"team\",\"values\":[\"x\"]}]}")
                .json();

        assertThat(r.get("total_count").asInt()).isEqualTo(2);
        JsonNode resource = r.get("resources").get(0);
        assertThat(resource.get("resource_id").asText()).isEqualTo(emu.secretId(PROJECT, "a-1"));
        assertThat(resource.get("resource_name").asText()).isEqualTo("a-1");
        assertThat(resource.at("/resource_detail/name").asText()).isEqualTo("a-1");
        assertThat(resource.at("/resource_detail/id").asText()).isEqualTo(emu.secretId(PROJECT, "a-1"));
        assertThat(resource.get("tags").toString())
                .isEqualTo("[{\"key\":\"env\",\"value\":\"pr-42\"},{\"key\":\"team\",\"value\":\"x\"}]");
    }

    @Test
    void filterPagesByOffsetUntilEmpty() throws IOException {
        for (int i = 0; i < 5; i++) {
            emu.createSecret(PROJECT, "s" + i, "v");
            emu.tagSecret(PROJECT, "s" + i, "env", "e");
        }
        List<String> all = new ArrayList<>();
        for (int offset = 0; ; offset += 2) {
            JsonNode page = http.post(
                            INSTANCES,
                            "{\"action\":\"filter\",\"limit\":\"2\",\"offset\":\"" + offset
                                    + "\",\"tags\":[{\"key\":\"env\",\"values\":[\"e\"]}]}")
                    .json();
            assertThat(page.get("total_count").asInt()).isEqualTo(5);
            if (page.get("resources").isEmpty()) {
                break;
            }
            page.get("resources").forEach(n -> all.add(n.get("resource_name").asText()));
        }
        assertThat(all).containsExactly("s0", "s1", "s2", "s3", "s4");
    }

    @Test
    void countGivesOnlyTheTotal() throws IOException {
        seedTagged();

        JsonNode r = http.post(INSTANCES, "{\"action\":\"count\",\"tags\":[{\"key\":\"env\",\"values\":[\"pr-42\"]}]}")
                .json();

        assertThat(r.get("total_count").asInt()).isEqualTo(2);
        assertThat(r.has("resources")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"action\":\"filter\",\"limit\":100,\"offset\":\"0\"}",
                "{\"action\":\"filter\",\"limit\":\"0\",\"offset\":\"0\"}",
                "{\"action\":\"filter\",\"limit\":\"1001\",\"offset\":\"0\"}",
                "{\"action\":\"filter\",\"limit\":\"10\",\"offset\":\"-1\"}",
                "{\"action\":\"list\",\"limit\":\"10\",\"offset\":\"0\"}",
                "{\"action\":\"filter\",\"tags\":[{\"key\":\"env\",\"values\":\"pr-42\"}]}",
                "{\"action\":\"filter\",\"matches\":[{\"key\":\"name\",\"value\":\"x\"}]}"
            })
    void badQueriesAre400(String body) throws IOException {
        Http.Result r = http.post(INSTANCES, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    }

    @Test
    void aThousandIsTheLargestPage() throws IOException {
        Http.Result r = http.post(INSTANCES, "{\"action\":\"filter\",\"limit\":\"1000\",\"offset\":\"0\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(Map.of("total", r.json().get("total_count").asInt())).containsEntry("total", 0);
    }
}
