package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code csms demo}: the table shows each outcome, and the demo exits 0 when it ran as designed. */
class DemoCommandTest {
    private final Cli cli = new Cli();

    @Test
    void theDemoShowsEachOutcomeAndExitsZero() {
        Cli.Result r = cli.run("demo");

        assertThat(r.exit()).as(r.all()).isEqualTo(0);
        assertThat(r.out())
                .contains("NOT Huawei Cloud")
                .contains("OUTCOME   SECRET        HTTP  ATTEMPTS  WHAT HAPPENED")
                .containsPattern("SUCCESS +pr-42-db +200 +2 +deleted")
                .containsPattern("SUCCESS +pr-42-api +200 +2 +deleted")
                .containsPattern("UNSTABLE +pr-42-cache +404 +1 +already absent")
                .containsPattern("FAILURE +pr-42-queue +403 +1 +not allowed")
                .contains("retrying pr-42-db in")
                .contains("retrying pr-42-api in 1.0 s: throttled (HTTP 429)")
                .contains("IAM password exchanges: 1. Left in the emulator: [pr-42-queue].")
                .contains("This batch would exit 1.")
                .contains("Every row came out as designed, so the demo exits 0.");
        assertThat(r.err()).isEmpty();
        assertThat(cli.sleeps).contains(Duration.ofSeconds(1)).hasSize(2);
    }

    @Test
    void demoHelpSaysWhatItDoes() {
        Cli.Result r = cli.run("demo", "--help");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("NOT Huawei Cloud").contains("exits 0");
    }
}
