package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --names-file}, {@code --tag}, {@code schedule-delete} and {@code restore}, against the emulator. */
class SelectionTest extends EmulatorFixture {
    @TempDir
    Path dir;

    private String[] command(String name, String... more) {
        String[] all = delete(more);
        all[0] = name;
        return all;
    }

    @Test
    void namesFileReadsOneNamePerLineSkippingBlanksAndComments() throws Exception {
        createSecrets("app.db-password", "pr-1", "keep");
        Path file = dir.resolve("names.txt");
        Files.writeString(file, "# teardown list\napp.db-password\r\n\n   pr-1  \n#keep\npr-1\n");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--names-file", file.toString()));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.outLines()).extracting(l -> l.split("\t")[1]).containsExactlyInAnyOrder("app.db-password", "pr-1");
        assertThat(r.err()).contains("--name pr-1 is given more than once; it is deleted once.");
        assertThat(emulator.secretNames(PROJECT)).containsExactly("keep");
    }

    @Test
    void aBadNameAnywhereInTheFileStopsEverythingBeforeTheFirstRequest() throws Exception {
        createSecrets("a", "b");
        Path file = dir.resolve("names.txt");
        Files.writeString(file, "a\nb\n\nc/../d\n");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--names-file", file.toString()));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 4").contains("it contains '/'");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aMissingOrEmptyNamesFileIsRefused() throws Exception {
        cli.env("CSMS_TOKEN", token);
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# nothing\n\n");

        assertThat(cli.run(delete("--names-file", dir.resolve("nope").toString()))
                        .err())
                .contains("does not exist");
        assertThat(cli.run(delete("--names-file", empty.toString())).err()).contains("holds no secret name");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void namesFileDashReadsStdin() {
        createSecrets("from-stdin-1", "from-stdin-2");
        DeleteCommand command =
                new DeleteCommand(new CliContext(Map.of("CSMS_TOKEN", token), d -> {}, Clock.systemUTC(), e -> {}));
        command.stdin = () -> new ByteArrayInputStream("from-stdin-1\nfrom-stdin-2\n".getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));

        int exit = cl.execute("--endpoint", emulator.url(), "--project", PROJECT, "--names-file", "-");

        assertThat(exit).isEqualTo(0);
        assertThat(emulator.secretNames(PROJECT)).isEmpty();
        assertThat(out.toString()).contains("from-stdin-1").contains("from-stdin-2");
    }

    @Test
    void tagSelectsByTagsWithKeysAndValuesCombinedAsTheApiDoes() {
        createSecrets("a", "b", "c", "d");
        emulator.tagSecret(PROJECT, "a", "env", "pr-42");
        emulator.tagSecret(PROJECT, "a", "team", "x");
        emulator.tagSecret(PROJECT, "b", "env", "pr-43");
        emulator.tagSecret(PROJECT, "b", "team", "x");
        emulator.tagSecret(PROJECT, "c", "env", "pr-42");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--tag", "env=pr-42", "--tag", "env=pr-43", "--tag", "team=x"));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("2 secrets have the tags env=pr-42|pr-43 and team=x");
        assertThat(emulator.secretNames(PROJECT)).containsExactly("c", "d");
    }

    @Test
    void tagHasTheMaxCountRailAndADryRun() {
        for (int i = 0; i < 4; i++) {
            createSecrets("t" + i);
            emulator.tagSecret(PROJECT, "t" + i, "env", "pr-42");
        }
        cli.env("CSMS_TOKEN", token);

        Cli.Result over = cli.run(delete("--tag", "env=pr-42", "--max-count", "3"));
        Cli.Result dry = cli.run(delete("--tag", "env=pr-42", "--dry-run"));

        assertThat(over.exit()).isEqualTo(1);
        assertThat(over.err()).contains("4 secrets have the tags env=pr-42, more than the maximum of 3");
        assertThat(dry.exit()).isEqualTo(0);
        assertThat(dry.outLines()).containsExactly("DRY-RUN\tt0", "DRY-RUN\tt1", "DRY-RUN\tt2", "DRY-RUN\tt3");
        assertThat(emulator.secretNames(PROJECT)).hasSize(4);
        assertThat(emulator.requests()).noneMatch(q -> q.method().equals("DELETE"));
    }

    @Test
    void selectionsCannotBeMixedAndBadTagsAreRefused() {
        cli.env("CSMS_TOKEN", token);

        assertThat(cli.run(delete("--tag", "env=x", "--prefix", "pr-1")).err()).contains("use one");
        assertThat(cli.run(delete("--tag", "env")).err()).contains("KEY=VALUE");
        assertThat(cli.run(delete("--tag", "env=x", "--name", "a")).exit()).isEqualTo(2);
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void scheduleDeleteThenRestoreWithTheSameSelection() {
        createSecrets("pr-9-a", "pr-9-b", "other");
        cli.env("CSMS_TOKEN", token);

        Cli.Result scheduled = cli.run(command("schedule-delete", "--prefix", "pr-9-", "--recovery-days", "7"));

        assertThat(scheduled.exit()).as(scheduled.err()).isEqualTo(0);
        assertThat(scheduled.outLines()).allMatch(l -> l.startsWith("SUCCESS\t") && l.contains("\tSCHEDULED\t"));
        assertThat(emulator.secretState(PROJECT, "pr-9-a")).isEqualTo("PENDING_DELETE");
        assertThat(emulator.secretState(PROJECT, "other")).isEqualTo("ENABLED");

        Cli.Result deleted = cli.run(delete("--name", "pr-9-a"));
        assertThat(deleted.exit()).isEqualTo(1);
        assertThat(deleted.outLines().get(0)).contains("PENDING_DELETION");

        Cli.Result restored = cli.run(command("restore", "--name", "pr-9-a", "--name", "pr-9-b"));
        assertThat(restored.exit()).as(restored.err()).isEqualTo(0);
        assertThat(restored.outLines()).allMatch(l -> l.contains("\tRESTORED\t"));
        assertThat(emulator.secretState(PROJECT, "pr-9-b")).isEqualTo("ENABLED");

        Cli.Result again = cli.run(command("restore", "--name", "pr-9-a"));
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.outLines().get(0)).startsWith("UNSTABLE\t").contains("NOT_SCHEDULED");
    }

    @Test
    void aRecoveryWindowOutsideSevenToThirtyIsRefusedBeforeAnythingIsSent() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(command("schedule-delete", "--name", "a", "--recovery-days", "31"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--recovery-days").contains("from 7 to 30 days");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void theNewCommandsHaveHelp() {
        assertThat(cli.run("schedule-delete", "--help").out())
                .contains("--recovery-days")
                .contains("--names-file");
        assertThat(cli.run("restore", "--help").out()).contains("--tag").contains("scheduled-deleted-tasks/cancel");
    }
}
