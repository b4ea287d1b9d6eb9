package io.jenkins.plugins.huaweicloud.csms.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.emulator.AbsentAnswer;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Huawei Cloud SDK (huaweicloud-sdk-csms 3.1.143, in its own class loader) against the emulator: every
 * call the emulator serves, and every typed field the SDK exposes for them, set and right.
 */
class SdkConformanceTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    /**
     * The emulator's fixed clock: the time the test starts, since the SDK dates its signatures by the real clock and the
     * emulator refuses an {@code X-Sdk-Date} more than 15 minutes off its own.
     */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private static CsmsEmulator emu;
    private static URLClassLoader sdkLoader;
    private static BiFunction<String, List<String>, Map<String, Object>> sdk;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        sdkLoader = new URLClassLoader("huaweicloud-sdk", sdkJars(), ClassLoader.getPlatformClassLoader());
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(sdkLoader);
        try {
            Class<?> driver =
                    Class.forName("io.jenkins.plugins.huaweicloud.csms.conformance.sdk.SdkDriver", true, sdkLoader);
            // The SDK signs with AK/SK only: the emulator knows the driver's dummy pair and verifies every signature.
            emu = CsmsEmulator.builder()
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .accessKey(
                            "conformance-account",
                            (String) driver.getField("DUMMY_AK").get(null),
                            (String) driver.getField("DUMMY_SK").get(null),
                            PROJECT)
                    .start();
            sdk = (BiFunction<String, List<String>, Map<String, Object>>)
                    driver.getConstructor(String.class, String.class).newInstance(emu.url(), PROJECT);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (emu != null) {
            emu.close();
        }
        if (sdkLoader != null) {
            sdkLoader.close();
        }
    }

    @BeforeEach
    void emptyProject() {
        for (String name : emu.secretNames(PROJECT)) {
            emu.deleteSecret(PROJECT, name);
        }
        emu.setAbsentAnswer(AbsentAnswer.NOT_FOUND_404);
    }

    private static URL[] sdkJars() throws IOException {
        Path lib = Path.of(System.getProperty("conformance.sdk.lib", "target/sdk-lib"));
        try (Stream<Path> files = Files.list(lib)) {
            List<Path> jars =
                    files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            assertThat(jars).as("SDK jars in " + lib).anyMatch(p -> p.endsWith("conformance-sdk-driver.jar"));
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        }
    }

    private static Map<String, Object> call(String operation, String... args) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(sdkLoader);
        try {
            return sdk.apply(operation, Arrays.asList(args));
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> secretOf(Map<String, Object> answer) {
        assertThat(answer).as("answer").doesNotContainKey("error.code").containsEntry("httpStatus", 200);
        return (Map<String, Object>) answer.get("secret");
    }

    private static void assertError(Map<String, Object> answer, int status, String code) {
        assertThat(answer).containsEntry("error.httpStatus", status).containsEntry("error.code", code);
        assertThat((String) answer.get("error.msg")).isNotBlank();
        assertThat((String) answer.get("error.requestId")).matches("[0-9a-f]{32}");
    }

    /** Every field of the SDK's Secret, for an enabled COMMON secret without rotation. */
    private static void assertEnabledSecret(Map<String, Object> s, String name, String description, String kmsKeyId) {
        assertThat(s).hasSize(17);
        assertThat((String) s.get("id")).matches(UUID).isEqualTo(emu.secretId(PROJECT, name));
        assertThat(s)
                .containsEntry("name", name)
                .containsEntry("state", "ENABLED")
                .containsEntry("kmsKeyId", kmsKeyId)
                .containsEntry("description", description)
                .containsEntry("createTime", NOW.toEpochMilli())
                .containsEntry("updateTime", NOW.toEpochMilli())
                .containsEntry("scheduledDeleteTime", null)
                .containsEntry("secretType", "COMMON")
                .containsEntry("autoRotation", false)
                .containsEntry("rotationPeriod", null)
                .containsEntry("rotationConfig", null)
                .containsEntry("rotationTime", null)
                .containsEntry("nextRotationTime", null)
                .containsEntry("eventSubscriptions", List.of())
                .containsEntry("enterpriseProjectId", "0")
                .containsEntry("rotationFuncUrn", null);
    }

    @Test
    void createShowAndDeleteTwice() {
        Map<String, Object> created = secretOf(call("create", "app.db-password", "v", "db password", "key-1"));
        assertEnabledSecret(created, "app.db-password", "db password", "key-1");

        Map<String, Object> shown = secretOf(call("show", "app.db-password"));
        assertThat(shown).isEqualTo(created);

        assertThat(call("delete", "app.db-password")).containsEntry("httpStatus", 200);
        assertThat(emu.hasSecret(PROJECT, "app.db-password")).isFalse();
        assertError(call("delete", "app.db-password"), 404, "CSMS.0005");
        assertError(call("show", "app.db-password"), 404, "CSMS.0005");
    }

    @Test
    void createWithABinaryValueAndTheDefaultKey() {
        Map<String, Object> created = secretOf(call("create", "bin", "AQID", "", null, "binary"));

        assertThat((String) created.get("kmsKeyId")).isNotBlank();
        assertEnabledSecret(created, "bin", "", (String) created.get("kmsKeyId"));
    }

    @Test
    void createErrors() {
        emu.createSecret(PROJECT, "taken", "v");

        assertError(call("create", "taken", "v", "", null), 400, "CSMS.0102");
        assertError(call("create", "..", "v", "", null), 400, "CSMS.0002");
        assertThat(call("create", "..", "v", "", null)).containsEntry("error.class", "ClientRequestException");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listPagesWithNextAndPreviousMarkers() {
        for (String n : List.of("e", "c", "a", "d", "b")) {
            emu.createSecret(PROJECT, n, "v");
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        List<Object> previous = new ArrayList<>();
        do {
            Map<String, Object> page = call("list", "2", marker);
            assertThat(page).containsEntry("httpStatus", 200);
            List<Map<String, Object>> secrets = (List<Map<String, Object>>) page.get("secrets");
            secrets.forEach(s -> {
                assertEnabledSecret(s, (String) s.get("name"), "", (String) s.get("kmsKeyId"));
                names.add((String) s.get("name"));
            });
            assertThat(page).containsEntry("page.currentCount", secrets.size());
            previous.add(page.get("page.previousMarker"));
            marker = (String) page.get("page.nextMarker");
        } while (marker != null);

        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(previous).containsExactly(null, "b", "d");
        assertThat(call("list", "1000")).containsEntry("page.currentCount", 5);
        assertError(call("list", "1001"), 400, "CSMS.0002");
    }

    @Test
    void scheduledDeletionAndCancel() {
        emu.createSecret(PROJECT, "s", "v");

        Map<String, Object> pending = secretOf(call("schedule", "s", null));
        assertThat(pending)
                .containsEntry("state", "PENDING_DELETE")
                .containsEntry("scheduledDeleteTime", NOW.toEpochMilli() + 30 * DAY_MS)
                .containsEntry("name", "s")
                .containsEntry("id", emu.secretId(PROJECT, "s"));
        assertThat(secretOf(call("show", "s"))).containsEntry("state", "PENDING_DELETE");
        assertError(call("delete", "s"), 400, "CSMS.0107");
        assertError(call("schedule", "s", "7"), 400, "CSMS.0107");

        Map<String, Object> restored = secretOf(call("restore", "s"));
        assertEnabledSecret(restored, "s", "", (String) restored.get("kmsKeyId"));
        assertError(call("restore", "s"), 400, "CSMS.0108");

        assertThat(secretOf(call("schedule", "s", "7")))
                .containsEntry("scheduledDeleteTime", NOW.toEpochMilli() + 7 * DAY_MS);
        assertError(call("restore", "gone"), 404, "CSMS.0005");
        emu.createSecret(PROJECT, "t", "v");
        assertError(call("schedule", "t", "6"), 400, "CSMS.0002");
        assertError(call("schedule", "t", "31"), 400, "CSMS.0002");
    }

    @Test
    void absentCanBeA400TooAndTheSdkTakesItAsAClientError() {
        emu.absentAnswer("old", AbsentAnswer.BAD_REQUEST_CSMS_0106);
        emu.setAbsentAnswer(AbsentAnswer.BAD_REQUEST_CSMS_0005);

        Map<String, Object> old = call("delete", "old");
        assertError(old, 400, "CSMS.0106");
        assertThat(old).containsEntry("error.class", "ClientRequestException");
        assertError(call("delete", "other"), 400, "CSMS.0005");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tagsBySecretId() {
        emu.createSecret(PROJECT, "s", "v");
        String id = emu.secretId(PROJECT, "s");

        assertThat(call("tag", id, "env", "pr-42")).containsEntry("httpStatus", 204);
        assertThat(call("tagAction", id, "create", "team", "a", "owner", "b")).containsEntry("httpStatus", 204);
        assertThat(call("tagAction", id, "delete", "owner", "b")).containsEntry("httpStatus", 204);

        Map<String, Object> tags = call("tags", id);
        assertThat((List<Map<String, Object>>) tags.get("tags"))
                .containsExactly(Map.of("key", "env", "value", "pr-42"), Map.of("key", "team", "value", "a"));
        assertThat(tags).containsEntry("sysTags", List.of());
        assertError(call("tags", "5f1b7f5e-0000-4000-8000-000000000000"), 404, "CSMS.0005");
    }

    @Test
    @SuppressWarnings("unchecked")
    void resourceInstancesFilterAndCount() {
        for (String n : List.of("pr-1", "pr-2", "pr-3", "prod-1")) {
            emu.createSecret(PROJECT, n, "v");
        }
        emu.tagSecret(PROJECT, "pr-1", "env", "pr-42");
        emu.tagSecret(PROJECT, "pr-1", "team", "x");
        emu.tagSecret(PROJECT, "pr-2", "env", "pr-43");
        emu.tagSecret(PROJECT, "pr-2", "team", "x");
        emu.tagSecret(PROJECT, "pr-3", "env", "pr-42");
        emu.tagSecret(PROJECT, "prod-1", "env", "prod");

        List<String> names = new ArrayList<>();
        for (int offset = 0; ; offset++) {
            Map<String, Object> page = call("filter", "1", Integer.toString(offset), "env=pr-42,pr-43", "team=x");
            assertThat(page).containsEntry("httpStatus", 200).containsEntry("totalCount", 2);
            List<Map<String, Object>> resources = (List<Map<String, Object>>) page.get("resources");
            if (resources.isEmpty()) {
                break;
            }
            Map<String, Object> r = resources.get(0);
            String name = (String) r.get("resourceName");
            names.add(name);
            assertThat(r)
                    .containsEntry("resourceId", emu.secretId(PROJECT, name))
                    .containsEntry("sysTags", List.of());
            assertThat((List<Map<String, Object>>) r.get("tags")).contains(Map.of("key", "team", "value", "x"));
            Map<String, Object> detail = (Map<String, Object>) r.get("resourceDetail");
            assertEnabledSecret(detail, name, "", (String) detail.get("kmsKeyId"));
        }
        assertThat(names).containsExactly("pr-1", "pr-2");

        Map<String, Object> matched = call("filter", "100", "0", "env=pr-42,prod", "~prod");
        assertThat(matched).containsEntry("totalCount", 1);
        assertThat((List<Map<String, Object>>) matched.get("resources"))
                .extracting(r -> r.get("resourceName"))
                .containsExactly("prod-1");

        Map<String, Object> counted = call("count", null, null, "env=pr-42");
        assertThat(counted)
                .containsEntry("httpStatus", 200)
                .containsEntry("totalCount", 2)
                .doesNotContainKey("resources");
        assertError(call("filter", "1001", "0", "env=pr-42"), 400, "CSMS.0002");
    }
}
