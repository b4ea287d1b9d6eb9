package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --iam-user}: one password exchange per run, the password only from env, never to a guessed host. */
class IamTest extends EmulatorFixture {

    private String[] iamDelete(String... names) {
        String[] base = delete("--iam-endpoint", emulator.url(), "--iam-domain", ACCOUNT, "--iam-user", USER);
        String[] all = new String[base.length + names.length * 2];
        System.arraycopy(base, 0, all, 0, base.length);
        for (int i = 0; i < names.length; i++) {
            all[base.length + 2 * i] = "--name";
            all[base.length + 2 * i + 1] = names[i];
        }
        return all;
    }

    @Test
    void oneIamExchangeServesThreeNames() {
        createSecrets("pr-1", "pr-2", "pr-3");
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(iamDelete("pr-1", "pr-2", "pr-3"));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(iamRequests()).isEqualTo(1);
        assertThat(emulator.secretNames(PROJECT)).isEmpty();
        assertThat(r.outLines()).allMatch(line -> line.startsWith("SUCCESS\t"));
    }

    @Test
    void aWrongPasswordIsTriedOnceForTheWholeRun() {
        createSecrets("pr-1", "pr-2", "pr-3");
        cli.env("CSMS_IAM_PASSWORD", "WRONG-PASSWORD-MARKER").secret("WRONG-PASSWORD-MARKER");

        Cli.Result r = cli.run(iamDelete("pr-1", "pr-2", "pr-3"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(iamRequests()).isEqualTo(1);
        assertThat(emulator.requestCount()).isEqualTo(1);
        assertThat(r.outLines())
                .hasSize(3)
                .allMatch(line -> line.matches("FAILURE\tpr-\\d\t-\t-\t[0-9a-f]{32}\tTOKEN_ERROR\t0"));
        assertThat(r.err()).contains("refused the password exchange for user 'ci-bot' of account 'acme': HTTP 401");
    }

    @Test
    void aCsmsTokenInTheEnvironmentDoesNotOverrideIamUser() {
        createSecrets("pr-1");
        cli.env("CSMS_IAM_PASSWORD", PASSWORD).env("CSMS_TOKEN", "unused-" + "v".repeat(40));

        Cli.Result r = cli.run(iamDelete("pr-1"));

        assertThat(r.exit()).isEqualTo(0);
        assertThat(iamRequests()).isEqualTo(1);
    }

    @Test
    void iamUserWithoutDomainIsRefused() {
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(delete("--iam-endpoint", emulator.url(), "--iam-user", USER, "--name", "a"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--iam-domain ACCOUNT is required with --iam-user");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void customEndpointWithIamUserNeedsAnExplicitIamEndpoint() {
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(delete("--iam-domain", ACCOUNT, "--iam-user", USER, "--name", "a"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--iam-endpoint URL is required with a custom --endpoint and --iam-user");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void iamUserWithoutThePasswordInTheEnvironmentIsRefused() {
        Cli.Result r = cli.run(iamDelete("a"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Env CSMS_IAM_PASSWORD is not set");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void iamDomainWithoutIamUserIsRefused() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = cli.run(delete("--iam-domain", ACCOUNT, "--name", "a"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("used only with --iam-user");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void tokenFileAndIamUserTogetherAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t");
        Files.writeString(file, token);
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);
        String[] base = iamDelete("a");
        String[] args = Arrays.copyOf(base, base.length + 2);
        args[base.length] = "--token-file";
        args[base.length + 1] = file.toString();

        Cli.Result r = cli.run(args);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Give either --token-file or --iam-user, not both");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void anHttpIamEndpointOutsideLoopbackIsRefused() {
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(delete(
                "--iam-endpoint",
                "http://iam.example.com",
                "--iam-domain",
                ACCOUNT,
                "--iam-user",
                USER,
                "--name",
                "a"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("it must use https://");
        assertThat(emulator.requestCount()).isZero();
    }

    /** Where the password would go, checked from the plan alone: nothing is sent. */
    private String plannedIam(String... args) {
        DeleteCommand command = new DeleteCommand(
                new CliContext(Map.of("CSMS_IAM_PASSWORD", PASSWORD), d -> {}, java.time.Clock.systemUTC(), e -> {}));
        new CommandLine(command).parseArgs(args);
        return command.plan(new PrintWriter(Writer.nullWriter()))
                .credentials()
                .tokens()
                .toString();
    }

    @Test
    void regionDefaultsToTheRegionalIam() {
        assertThat(plannedIam(
                        "--region",
                        "ap-southeast-1",
                        "--project",
                        PROJECT,
                        "--name",
                        "a",
                        "--iam-domain",
                        ACCOUNT,
                        "--iam-user",
                        USER))
                .contains("iam=https://iam.ap-southeast-1.myhuaweicloud.com")
                .doesNotContain(PASSWORD);
    }

    @Test
    void anOfficialKmsEndpointDefaultsToItsRegionalIam() {
        assertThat(plannedIam(
                        "--endpoint",
                        "https://kms.cn-north-4.myhuaweicloud.com/",
                        "--project",
                        PROJECT,
                        "--name",
                        "a",
                        "--iam-domain",
                        ACCOUNT,
                        "--iam-user",
                        USER))
                .contains("iam=https://iam.cn-north-4.myhuaweicloud.com");
    }

    @Test
    void theDublinRegionUsesIamAtMyhuaweicloudEu() {
        assertThat(plannedIam(
                        "--region",
                        "eu-west-101",
                        "--project",
                        PROJECT,
                        "--name",
                        "a",
                        "--iam-domain",
                        ACCOUNT,
                        "--iam-user",
                        USER))
                .contains("iam=https://iam.eu-west-101.myhuaweicloud.eu");
        assertThat(plannedIam(
                        "--endpoint",
                        "https://kms.eu-west-101.myhuaweicloud.eu",
                        "--project",
                        PROJECT,
                        "--name",
                        "a",
                        "--iam-domain",
                        ACCOUNT,
                        "--iam-user",
                        USER))
                .contains("iam=https://iam.eu-west-101.myhuaweicloud.eu");
    }

    @Test
    void aKmsEndpointOnTheWrongDomainForItsRegionNeedsAnExplicitIamEndpoint() {
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run(
                "delete",
                "--endpoint",
                "https://kms.eu-west-101.myhuaweicloud.com",
                "--project",
                PROJECT,
                "--name",
                "a",
                "--iam-domain",
                ACCOUNT,
                "--iam-user",
                USER);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--iam-endpoint URL is required");
        assertThat(emulator.requestCount()).isZero();
    }
}
