package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csms delete} end to end against the emulator: exit statuses, output shape, tokens, retries. */
class DeleteCommandTest extends EmulatorFixture {
    private static final String REQUEST_ID = "[0-9a-f]{32}";

    @Test
    void allDeletedExitsZeroWithOneTabSeparatedLinePerSecret() {
        createSecrets("pr-42-db", "pr-42-api", "pr-42-cache");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(
                delete("--name", "pr-42-db", "--name", "pr-42-api", "--name", "pr-42-cache", "--concurrency", "1"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).matches("SUCCESS\tpr-42-db\t200\t-\t" + REQUEST_ID + "\tDELETED\t1");
        assertThat(r.outLines().get(1)).startsWith("SUCCESS\tpr-42-api\t200\t");
        assertThat(r.outLines().get(2)).startsWith("SUCCESS\tpr-42-cache\t200\t");
        assertThat(emulator.secretNames(PROJECT)).isEmpty();
        assertThat(r.err())
                .contains("csms: SUCCESS pr-42-db: deleted (project " + PROJECT)
                .contains("csms: 3 secrets: 3 SUCCESS; exit status 0");
    }

    @Test
    void alreadyAbsentIsUnstableByDefaultAndExitsThree() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "gone"));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.outLines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .matches("UNSTABLE\tgone\t404\tCSMS\\.0005\t" + REQUEST_ID + "\tALREADY_ABSENT\t1"));
        assertThat(r.err()).contains("already absent").contains("exit status 3");
    }

    @Test
    void ifMissingSuccessTurnsAbsentIntoExitZero() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "gone", "--if-missing", "success"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).startsWith("SUCCESS\tgone\t404\t");
    }

    @Test
    void ifMissingFailureTurnsAbsentIntoExitOne() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "gone", "--if-missing", "FAILURE"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAILURE\tgone\t404\t");
    }

    @Test
    void anyFailureExitsOneAndEverySecretIsStillTried() {
        createSecrets("a", "c");
        emulator.script("a", Fault.status(403));
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "a", "--name", "b", "--name", "c", "--concurrency", "1"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.outLines())
                .extracting(line -> line.split("\t")[0] + " " + line.split("\t")[1])
                .containsExactly("FAILURE a", "UNSTABLE b", "SUCCESS c");
        assertThat(r.err()).contains("not allowed (HTTP 403)").contains("3 secrets: 1 SUCCESS, 1 UNSTABLE, 1 FAILURE");
    }

    @Test
    void wrongTokenIsFailureWithTheRequestId() {
        cli.env("CSMS_TOKEN", "x".repeat(40)).secret("x".repeat(40));

        Cli.Result r = cli.run(delete("--name", "a"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).matches("FAILURE\ta\t401\tAPIG\\.0301\t" + REQUEST_ID + "\tUNAUTHORIZED\t1\\R");
    }

    @Test
    void jsonPrintsOneParsableObjectPerSecret() throws Exception {
        createSecrets("pr-1");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "pr-1", "--name", "pr-2", "--json", "--concurrency", "1"));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.outLines()).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(r.outLines().get(0));
        JsonNode second = json.readTree(r.outLines().get(1));
        assertThat(first.get("name").asText()).isEqualTo("pr-1");
        assertThat(first.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("project").asText()).isEqualTo(PROJECT);
        assertThat(second.get("outcome").asText()).isEqualTo("UNSTABLE");
        assertThat(second.get("kind").asText()).isEqualTo("ALREADY_ABSENT");
        assertThat(second.get("errorCode").asText()).isEqualTo("CSMS.0005");
        assertThat(second.get("requestId").asText()).matches(REQUEST_ID);
        assertThat(r.err()).contains("exit status 3");
    }

    @Test
    void retryIsAnnouncedOnStderrAndSucceeds() {
        createSecrets("pr-1");
        emulator.script("pr-1", Fault.status(503));
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "pr-1"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err())
                .contains("csms: retrying pr-1 in ")
                .contains("HTTP 503")
                .contains("attempt 1 of 3");
        assertThat(r.out()).startsWith("SUCCESS\tpr-1\t200\t-\t").endsWith("\tDELETED\t2" + System.lineSeparator());
        assertThat(deleteRequests("pr-1")).isEqualTo(2);
        // The backoff before the retry (at most 1 s), then possibly the rest of the 100 ms pacing slot.
        assertThat(cli.sleeps).hasSizeBetween(1, 2);
        assertThat(cli.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterOfA429IsHonoured() {
        createSecrets("pr-1");
        emulator.script("pr-1", Fault.status(429).retryAfter(2));
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "pr-1"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(cli.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(r.err()).contains("retrying pr-1 in 2.0 s: throttled (HTTP 429)");
    }

    @Test
    void attemptsBoundsTheRetriesAndTheLastAnswerIsUnstable() {
        createSecrets("pr-1");
        emulator.script("pr-1", Fault.status(503), Fault.status(503), Fault.status(503));
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "pr-1", "--attempts", "2"));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(deleteRequests("pr-1")).isEqualTo(2);
        assertThat(r.out()).startsWith("UNSTABLE\tpr-1\t503\t").contains("\tSERVER_ERROR\t2");
        assertThat(emulator.hasSecret(PROJECT, "pr-1")).isTrue();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        createSecrets("pr-1");
        emulator.script("pr-1", Fault.status(502));
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "pr-1", "--attempts", "1"));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(deleteRequests("pr-1")).isEqualTo(1);
        assertThat(cli.sleeps).isEmpty();
        assertThat(r.err()).doesNotContain("retrying");
    }

    @Test
    void aDuplicatedNameIsDeletedOnceAndSaidSo() {
        createSecrets("pr-1", "pr-2");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "pr-1", "--name", "pr-2", "--name", "pr-1"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.outLines()).hasSize(2);
        assertThat(deleteRequests("pr-1")).isEqualTo(1);
        assertThat(r.err()).contains("--name pr-1 is given more than once; it is deleted once.");
    }

    @Test
    void tokenFromAFileWithATrailingNewline(@TempDir Path dir) throws Exception {
        createSecrets("pr-1");
        Path file = dir.resolve("token.txt");
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);

        Cli.Result r = cli.run(delete("--name", "pr-1", "--token-file", file.toString()));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(emulator.hasSecret(PROJECT, "pr-1")).isFalse();
    }

    @Test
    void theTokenFileWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        createSecrets("pr-1");
        Path file = dir.resolve("token");
        Files.writeString(file, token);
        cli.env("CSMS_TOKEN", "stale-token-" + "z".repeat(40)).secret("z".repeat(40));

        assertThat(cli.run(delete("--name", "pr-1", "--token-file", file.toString()))
                        .exit())
                .isEqualTo(0);
    }

    @Test
    void tokenFromTheEnvironmentIsTrimmed() {
        createSecrets("pr-1");
        cli.env("CSMS_TOKEN", "  " + token + "\r\n");

        assertThat(cli.run(delete("--name", "pr-1")).exit()).isEqualTo(0);
    }

    @Test
    void anEndpointWithATrailingSlashIsTheSameEndpoint() {
        createSecrets("pr-1");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run("delete", "--endpoint", emulator.url() + "/", "--project", PROJECT, "--name", "pr-1");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(deleteRequests("pr-1")).isEqualTo(1);
    }
}
