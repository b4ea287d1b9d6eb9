package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code csms delete --prefix}: listing, the safety rails, dry runs, and batches against the emulator. */
class PrefixTeardownTest extends EmulatorFixture {

    @Test
    void prefixDeletesOnlyTheMatchingSecrets() {
        createSecrets("pr-42-db", "pr-42-api", "pr-421-db", "main-db");
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--prefix", "pr-42-"));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.outLines()).extracting(l -> l.split("\t")[1]).containsExactlyInAnyOrder("pr-42-db", "pr-42-api");
        assertThat(r.err()).contains("2 secrets start with 'pr-42-'");
        assertThat(emulator.secretNames(PROJECT)).containsExactly("main-db", "pr-421-db");
    }

    @Test
    void overTheMaximumNothingIsDeletedAndTheCountIsNamed() {
        for (int i = 0; i < 6; i++) {
            createSecrets("tmp-" + i);
        }
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--prefix", "tmp-", "--max-count", "5"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("6 secrets start with 'tmp-'")
                .contains("maximum of 5")
                .contains("nothing was deleted");
        assertThat(emulator.secretNames(PROJECT)).hasSize(6);
        assertThat(emulator.requests()).noneMatch(q -> q.method().equals("DELETE"));
    }

    @Test
    void dryRunListsAndDeletesNothing() throws Exception {
        createSecrets("pr-7-a", "pr-7-b", "other");
        cli.env("CSMS_TOKEN", token);

        Cli.Result text = cli.run(delete("--prefix", "pr-7-", "--dry-run"));
        Cli.Result json = cli.run(delete("--prefix", "pr-7-", "--dry-run", "--json"));

        assertThat(text.exit()).isEqualTo(0);
        assertThat(text.outLines()).containsExactly("DRY-RUN\tpr-7-a", "DRY-RUN\tpr-7-b");
        assertThat(text.err()).contains("dry run: 2 secrets would be deleted; nothing was sent");
        assertThat(new ObjectMapper()
                        .readTree(json.outLines().get(0))
                        .get("dryRun")
                        .asBoolean())
                .isTrue();
        assertThat(emulator.secretNames(PROJECT)).hasSize(3);
        assertThat(emulator.requests()).noneMatch(q -> q.method().equals("DELETE"));
    }

    @Test
    void dryRunWithNamesSendsNothingAtAll() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--name", "a", "--name", "b", "--dry-run"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.outLines()).containsExactly("DRY-RUN\ta", "DRY-RUN\tb");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aListingRefusalFailsWithItsStatusAndDeletesNothing() {
        createSecrets("pr-9-a");
        cli.env("CSMS_TOKEN", emulator.issueToken("f".repeat(32)));

        Cli.Result r = cli.run(delete("--prefix", "pr-9-"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("listing secrets at").contains("HTTP 403").contains("Nothing was deleted");
        assertThat(emulator.secretNames(PROJECT)).containsExactly("pr-9-a");
    }

    @Test
    void aBatchIsPacedAndReportsOneLinePerSecret() {
        for (int i = 0; i < 12; i++) {
            createSecrets(String.format("batch-%02d", i));
        }
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--prefix", "batch-", "--concurrency", "3", "--rate", "5"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.outLines()).hasSize(12).allMatch(l -> l.startsWith("SUCCESS\tbatch-"));
        assertThat(r.err()).contains("12 secrets: 12 SUCCESS; exit status 0");
        // 12 requests at 5 per second: the pacer asked for at least 11 x 200 ms of waiting in all.
        long waited =
                cli.sleeps.stream().mapToLong(java.time.Duration::toMillis).sum();
        assertThat(waited).isGreaterThanOrEqualTo(2200);
        assertThat(emulator.secretNames(PROJECT)).isEmpty();
    }
}
