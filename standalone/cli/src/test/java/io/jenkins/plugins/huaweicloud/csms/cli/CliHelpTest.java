package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.Version;
import org.junit.jupiter.api.Test;

/** Help, version, and the mapping of usage errors and outcomes to exit statuses. */
class CliHelpTest {
    private final Cli cli = new Cli();

    @Test
    void deleteHelpListsExitCodesEnvironmentAndOutputFormat() {
        Cli.Result r = cli.run("delete", "--help");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out())
                .contains("--project=ID", "--name=NAME", "--endpoint=URL", "--region=REGION", "--token-file=FILE")
                .contains("--iam-endpoint=URL", "--iam-domain=ACCOUNT", "--iam-user=USER")
                .contains("--if-missing=OUTCOME", "--attempts=N", "--timeout=SECONDS", "--json")
                .contains("Exit status:")
                .containsPattern("0 +every secret's outcome is SUCCESS")
                .containsPattern("3 +the worst outcome is UNSTABLE")
                .containsPattern("1 +at least one outcome is FAILURE")
                .containsPattern("2 +invalid arguments or input; nothing was sent")
                .contains("CSMS_TOKEN", "CSMS_IAM_PASSWORD")
                .contains("OUTCOME  NAME  HTTP_STATUS  ERROR_CODE  REQUEST_ID  KIND  ATTEMPTS")
                .contains("default UNSTABLE", "default 3", "default 60")
                .doesNotContain("--token=");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Result r = cli.run("--help");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("delete", "emulator", "demo", "CSMS_TOKEN", "Exit status of delete:");
    }

    @Test
    void versionIsTheEnginesVersion() {
        Cli.Result r = cli.run("--version");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("csms " + Version.get());
        assertThat(cli.run("delete", "--version").out()).contains(Version.get());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = cli.run();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing command: give delete, schedule-delete, restore, emulator or demo.");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatDoesNotEchoIt() {
        Cli.Result r = cli.run("remove-everything");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unexpected argument (not repeated here)").doesNotContain("remove-everything");
    }

    @Test
    void outcomesMapToExitCodes() {
        assertThat(ExitCodes.of(Outcome.SUCCESS)).isEqualTo(0);
        assertThat(ExitCodes.of(Outcome.UNSTABLE)).isEqualTo(3);
        assertThat(ExitCodes.of(Outcome.FAILURE)).isEqualTo(1);
        assertThat(ExitCodes.INVALID_INPUT).isEqualTo(2);
    }

    @Test
    void emptyFieldsAreDashesAndNothingCanSplitAField() {
        assertThat(OutputFormat.field(null)).isEqualTo("-");
        assertThat(OutputFormat.field("")).isEqualTo("-");
        assertThat(OutputFormat.field("CSMS.0005")).isEqualTo("CSMS.0005");
        assertThat(OutputFormat.field("a\tb c\nd")).isEqualTo("a?b?c?d");
    }
}
