package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csms delete} with access keys against the emulator verifying signatures: long-term, temporary, agency. */
class AccessKeyCliTest {
    static final String PROJECT = CsmsEmulator.DEMO_PROJECT_ID;
    static final String TARGET = "99990000aaaabbbbccccddddeeeeffff";
    static final String AK = "HPUAEXAMPLEAK0000001";
    static final String SK = "SK-MARKER-exampleSecretKey0123456789abcdef";

    private CsmsEmulator emulator;
    private final Cli cli = new Cli().secret(SK);

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder()
                .accessKey("acme", AK, SK, PROJECT)
                .agency("target", "csms-teardown", "acme", TARGET)
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        cli.assertNoSecretLeaked();
    }

    private String[] delete(String project, String... more) {
        String[] base = {"delete", "--endpoint", emulator.url(), "--project", project};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private void create(String project, String... names) {
        for (String n : names) {
            emulator.createSecret(project, n, "value-of-" + n);
        }
    }

    private Cli withKeysInEnv() {
        return cli.env("HUAWEICLOUD_SDK_AK", AK).env("HUAWEICLOUD_SDK_SK", SK);
    }

    @Test
    void deletesWithAccessKeysFromTheEnvironment() {
        create(PROJECT, "pr-1", "pr-2");
        withKeysInEnv();

        Cli.Result r = cli.run(delete(PROJECT, "--name", "pr-1", "--name", "pr-2", "--name", "pr-3"));

        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.outLines()).hasSize(3);
        assertThat(emulator.secretNames(PROJECT)).isEmpty();
        assertThat(emulator.requests()).allMatch(q -> !q.authTokenPresent());
    }

    @Test
    void deletesWithTheConsolesCredentialsCsv(@TempDir Path dir) throws Exception {
        create(PROJECT, "pr-1");
        Path csv = dir.resolve("credentials.csv");
        Files.writeString(
                csv,
                "\uFEFFUser Name,Access Key Id,Secret Access Key\r\nci-bot," + AK + "," + SK + "\r\n",
                StandardCharsets.UTF_8);

        Cli.Result r = cli.run(delete(PROJECT, "--name", "pr-1", "--access-key-file", csv.toString()));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(emulator.hasSecret(PROJECT, "pr-1")).isFalse();
    }

    @Test
    void aCsvOfAnotherShapeIsRefusedWithoutShowingIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("keys.csv");
        Files.writeString(csv, "id,secret\n" + AK + "," + SK + "\n", StandardCharsets.UTF_8);

        Cli.Result r = cli.run(delete(PROJECT, "--name", "pr-1", "--access-key-file", csv.toString()));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'Access Key Id'", "'Secret Access Key'").doesNotContain(AK);
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void deletesWithTemporaryKeysAndTheirSecurityToken() throws Exception {
        create(TARGET, "pr-1");
        JsonNode credential = assumeRole();
        String tempSk = credential.path("secret").asText();
        String securityToken = credential.path("securitytoken").asText();
        cli.secret(tempSk).secret(securityToken);
        cli.env("HUAWEICLOUD_SDK_AK", credential.path("access").asText())
                .env("HUAWEICLOUD_SDK_SK", tempSk)
                .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", securityToken);

        Cli.Result r = cli.run(delete(TARGET, "--name", "pr-1", "--json"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(emulator.hasSecret(TARGET, "pr-1")).isFalse();
    }

    @Test
    void deletesInAnotherAccountThroughAnAgency() {
        create(TARGET, "pr-1", "pr-2");
        withKeysInEnv();

        Cli.Result r = cli.run(delete(
                TARGET,
                "--name",
                "pr-1",
                "--name",
                "pr-2",
                "--agency",
                "csms-teardown",
                "--agency-domain",
                "target",
                "--agency-duration",
                "900",
                "--iam-endpoint",
                emulator.url()));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(emulator.secretNames(TARGET)).isEmpty();
        assertThat(emulator.requestCount("POST", "/v3.0/OS-CREDENTIAL/securitytokens"))
                .isEqualTo(1);
    }

    @Test
    void scheduleDeleteAndRestoreTakeTheSameAccessKeySourcesAsDelete(@TempDir Path dir) throws Exception {
        create(PROJECT, "app.db-password", "app.api-key");
        emulator.tagSecret(PROJECT, "app.api-key", "env", "pr-42");
        Path csv = dir.resolve("credentials.csv");
        Files.writeString(
                csv,
                "User Name,Access Key Id,Secret Access Key\nci-bot," + AK + "," + SK + "\n",
                StandardCharsets.UTF_8);
        String url = emulator.url();

        Cli.Result fromCsv = cli.run(
                "schedule-delete",
                "--endpoint",
                url,
                "--project",
                PROJECT,
                "--tag",
                "env=pr-42",
                "--recovery-days",
                "7",
                "--access-key-file",
                csv.toString());
        String taggedState = emulator.secretState(PROJECT, "app.api-key");
        withKeysInEnv();
        Cli.Result fromEnv =
                cli.run("schedule-delete", "--endpoint", url, "--project", PROJECT, "--name", "app.db-password");
        Cli.Result restored = cli.run(
                "restore",
                "--endpoint",
                url,
                "--project",
                PROJECT,
                "--name",
                "app.api-key",
                "--name",
                "app.db-password",
                "--auth",
                "access-key");

        assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
        assertThat(fromCsv.outLines()).singleElement().asString().contains("app.api-key", "SCHEDULED");
        assertThat(taggedState).isEqualTo("PENDING_DELETE");
        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.outLines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("RESTORED"));
        assertThat(emulator.secretState(PROJECT, "app.api-key")).isEqualTo("ENABLED");
        assertThat(emulator.secretState(PROJECT, "app.db-password")).isEqualTo("ENABLED");
        assertThat(emulator.requests()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.authTokenPresent()).isFalse();
            assertThat(q.status()).isBetween(200, 299);
        });
    }

    @Test
    void scheduleDeleteThroughAnAgencyUsesItsTemporaryKeys() {
        create(TARGET, "pr-1");
        withKeysInEnv();

        Cli.Result r = cli.run(
                "schedule-delete",
                "--endpoint",
                emulator.url(),
                "--project",
                TARGET,
                "--name",
                "pr-1",
                "--agency",
                "csms-teardown",
                "--agency-domain",
                "target",
                "--iam-endpoint",
                emulator.url());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(emulator.secretState(TARGET, "pr-1")).isEqualTo("PENDING_DELETE");
        assertThat(emulator.requestCount("POST", "/v3.0/OS-CREDENTIAL/securitytokens"))
                .isEqualTo(1);
    }

    @Test
    void anAgencyIamRefusalFailsEveryNameWithOneIamCall() {
        create(TARGET, "pr-1", "pr-2");
        withKeysInEnv();

        Cli.Result r = cli.run(delete(
                TARGET,
                "--name",
                "pr-1",
                "--name",
                "pr-2",
                "--agency",
                "no-such-agency",
                "--agency-domain",
                "target",
                "--iam-endpoint",
                emulator.url()));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.outLines()).allMatch(l -> l.startsWith("FAILURE\t") && l.contains("TOKEN_ERROR"));
        assertThat(r.err()).contains("HTTP 403", "no-such-agency");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aWrongSecretKeyFailsOnceAndTheRestAreNotSent() {
        create(PROJECT, "pr-1", "pr-2", "pr-3");
        String wrong = "WRONG-SK-MARKER-0123456789";
        cli.secret(wrong).env("HUAWEICLOUD_SDK_AK", AK).env("HUAWEICLOUD_SDK_SK", wrong);

        Cli.Result r =
                cli.run(delete(PROJECT, "--name", "pr-1", "--name", "pr-2", "--name", "pr-3", "--concurrency", "1"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.outLines().get(0)).contains("APIGW.0301", "UNAUTHORIZED");
        assertThat(r.outLines().subList(1, 3)).allMatch(l -> l.contains("TOKEN_ERROR\t0"));
        assertThat(r.err()).contains("secret access key (SK)", "clock", "15 minutes");
        assertThat(emulator.requestCount()).isEqualTo(1);
        assertThat(emulator.secretNames(PROJECT)).hasSize(3);
    }

    @Test
    void severalCredentialSourcesWithoutAuthAreRefusedNamingThem() {
        create(PROJECT, "pr-1");
        String token = emulator.issueToken(PROJECT);
        cli.secret(token).env("CSMS_TOKEN", token);
        withKeysInEnv();

        Cli.Result refused = cli.run(delete(PROJECT, "--name", "pr-1"));

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err())
                .contains("env CSMS_TOKEN", "env HUAWEICLOUD_SDK_AK", "env HUAWEICLOUD_SDK_SK", "--auth")
                .contains("Nothing was sent");
        assertThat(emulator.requestCount()).isZero();

        Cli.Result chosen = cli.run(delete(PROJECT, "--name", "pr-1", "--auth", "access-key"));
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(emulator.requests()).singleElement().matches(q -> !q.authTokenPresent());
    }

    @Test
    void anAccessKeyWithoutItsSecretOrTheReverseIsRefused() {
        for (Map<String, String> env : List.of(
                Map.of("HUAWEICLOUD_SDK_AK", AK),
                Map.of("HUAWEICLOUD_SDK_SK", SK),
                Map.of("HUAWEICLOUD_SDK_SECURITY_TOKEN", "token-without-keys-" + "x".repeat(30)))) {
            Cli one = new Cli().secret(SK);
            env.forEach(one::env);

            Cli.Result r = one.run(delete(PROJECT, "--name", "pr-1"));

            assertThat(r.exit()).as(env.keySet().toString()).isEqualTo(2);
            assertThat(r.err()).contains("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "Nothing was sent");
            one.assertNoSecretLeaked();
        }
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void agencyOptionsAreCheckedBeforeAnythingIsSent() {
        withKeysInEnv();
        assertThat(cli.run(delete(PROJECT, "--name", "a", "--agency", "x")).err())
                .contains("--agency NAME and --agency-domain ACCOUNT together");
        assertThat(cli.run(delete(
                                PROJECT,
                                "--name",
                                "a",
                                "--agency",
                                "x",
                                "--agency-domain",
                                "y",
                                "--agency-duration",
                                "60",
                                "--iam-endpoint",
                                emulator.url()))
                        .err())
                .contains("900");
        assertThat(cli.run(delete(PROJECT, "--name", "a", "--agency", "x", "--agency-domain", "y"))
                        .err())
                .contains("--iam-endpoint URL is required");
        Cli tokenOnly = new Cli().env("CSMS_TOKEN", "t".repeat(40));
        assertThat(tokenOnly
                        .run(delete(PROJECT, "--name", "a", "--agency", "x", "--agency-domain", "y"))
                        .err())
                .contains("used only with access keys");
        assertThat(cli.run(delete(PROJECT, "--name", "a", "--auth", "keys")).err())
                .contains("token, access-key or iam-password");
        assertThat(cli.results).allMatch(r -> r.exit() == 2);
        assertThat(emulator.requestCount()).isZero();
    }

    /** Temporary keys from the emulator's securitytokens, requested the way a CI's own tooling would. */
    private JsonNode assumeRole() throws Exception {
        HttpUrl url = HttpUrl.get(emulator.url() + "/v3.0/OS-CREDENTIAL/securitytokens");
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"assume_role\"],\"assume_role\":{\"agency_name\":"
                + "\"csms-teardown\",\"domain_name\":\"target\",\"duration_seconds\":900}}}}";
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", url.host() + ":" + url.port());
        headers.put(
                "x-sdk-date",
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = SignatureVerifier.signature(
                SK, "POST", url.encodedPath(), null, List.copyOf(headers.keySet()), headers::get, bytes);
        Request.Builder b =
                new Request.Builder().url(url).post(RequestBody.create(bytes, MediaType.get("application/json")));
        headers.forEach(b::header);
        b.header(
                "Authorization",
                "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-sdk-date, Signature=" + signature);
        try (Response response = new OkHttpClient().newCall(b.build()).execute()) {
            assertThat(response.code()).isEqualTo(201);
            return new ObjectMapper().readTree(response.body().string()).path("credential");
        }
    }
}
