package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code csms emulator}: options parsed, banner printed, and the running server usable by {@code csms delete} (the
 * two-terminal workflow, in one test). The lifetime hook replaces "until Ctrl-C": it runs while the emulator serves.
 */
class EmulatorCommandTest {
    private static final String PASSWORD = "EMU-PASSWORD-MARKER";
    private final Cli cli = new Cli().secret(PASSWORD);

    @AfterEach
    void noLeaks() {
        cli.assertNoSecretLeaked();
    }

    private static String field(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + ":\\s+(\\S+)$").matcher(out);
        assertThat(m.find()).as(label + " in " + out).isTrue();
        return m.group(1);
    }

    @Test
    void printsUrlProjectAndATokenThenServesUntilStopped() {
        AtomicReference<String> servedUrl = new AtomicReference<>();
        cli.emulatorLifetime = emulator -> {
            servedUrl.set(emulator.url());
            assertThat(emulator.secretNames(CsmsEmulator.DEMO_PROJECT_ID)).containsExactly("pr-1", "pr-2");
        };

        Cli.Result r = cli.run("emulator", "--port", "0", "--secret", "pr-1", "--secret", "pr-2", "--latency-ms", "0");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(field(r.out(), "url")).isEqualTo(servedUrl.get()).startsWith("http://127.0.0.1:");
        assertThat(field(r.out(), "project")).isEqualTo(CsmsEmulator.DEMO_PROJECT_ID);
        assertThat(field(r.out(), "token")).hasSizeGreaterThan(32);
        assertThat(r.out()).contains("NOT Huawei Cloud").contains("throwaway local test token");
        assertThat(r.err()).contains("stopped");
    }

    @Test
    void deleteWorksWithTheUrlAndTokenThePrintedBannerShows() {
        AtomicReference<Cli.Result> deletion = new AtomicReference<>();
        AtomicReference<String> left = new AtomicReference<>();
        Cli deleter = new Cli();
        cli.emulatorLifetime = emulator -> {
            // What a person copies from terminal one into terminal two.
            String banner = cli.currentOut.toString();
            String token = field(banner, "token");
            deleter.secret(token).env("CSMS_TOKEN", token);
            deletion.set(deleter.run(
                    "delete",
                    "--endpoint",
                    field(banner, "url"),
                    "--project",
                    field(banner, "project"),
                    "--name",
                    "pr-1",
                    "--name",
                    "pr-9",
                    "--concurrency",
                    "1"));
            left.set(emulator.secretNames(CsmsEmulator.DEMO_PROJECT_ID).toString());
        };

        Cli.Result r = cli.run("emulator", "--secret", "pr-1");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(deletion.get().exit()).isEqualTo(3);
        assertThat(deletion.get().outLines()).extracting(l -> l.split("\t")[0]).containsExactly("SUCCESS", "UNSTABLE");
        assertThat(left.get()).isEqualTo("[]");
        deleter.assertNoSecretLeaked();
    }

    @Test
    void anIamUserFromTheEnvironmentCanLogIn() {
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);
        AtomicReference<Cli.Result> deletion = new AtomicReference<>();
        cli.emulatorLifetime = emulator -> deletion.set(cli.run(
                "delete",
                "--endpoint",
                emulator.url(),
                "--iam-endpoint",
                emulator.url(),
                "--iam-domain",
                "acme",
                "--iam-user",
                "bot",
                "--project",
                CsmsEmulator.DEMO_PROJECT_ID,
                "--name",
                "pr-1"));

        Cli.Result r = cli.run("emulator", "--user", "acme:bot", "--secret", "pr-1");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(deletion.get().exit()).as(deletion.get().err()).isEqualTo(0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--port|70000|--port 70000 is invalid",
                "--error-rate|1.5|--error-rate 1.5 is invalid: it must be from 0 to 1",
                "--rate-limit|-1|--rate-limit -1 is invalid",
                "--latency-ms|600001|--latency-ms 600001 is invalid",
                "--secret|a/b|Secret name 'a/b' is invalid",
                "--user|acme:bot|Env CSMS_IAM_PASSWORD is not set",
                "--port|x|'x' is not an int"
            })
    void badOptionsExitTwoAndStartNothing(String option, String value, String message) {
        cli.emulatorLifetime = emulator -> {
            throw new AssertionError("must not start");
        };

        Cli.Result r = cli.run("emulator", option, value);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aUserWithoutAccountIsRefused() {
        cli.env("CSMS_IAM_PASSWORD", PASSWORD);

        Cli.Result r = cli.run("emulator", "--user", "bot");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--user must be ACCOUNT:USER");
    }

    @Test
    void aBusyPortExitsOneWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = cli.run("emulator", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("cannot start the CSMS emulator on port " + taken.getLocalPort());
        }
    }

    @Test
    void helpSaysTheTokenIsALocalTestToken() {
        Cli.Result r = cli.run("emulator", "--help");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out().replaceAll("\\s+", " "))
                .contains("throwaway local test token")
                .contains("--rate-limit")
                .contains("--error-rate")
                .contains("--seed")
                .contains("--secret")
                .contains("CSMS_IAM_PASSWORD");
    }

    @Test
    void acceptsTheAccessKeysOfTheEnvironmentAndVerifiesThem() {
        String sk = "EMU-SK-MARKER-0123456789";
        cli.secret(sk).env("HUAWEICLOUD_SDK_AK", "LOCALAK0000000000001").env("HUAWEICLOUD_SDK_SK", sk);
        AtomicReference<Cli.Result> good = new AtomicReference<>();
        AtomicReference<Cli.Result> bad = new AtomicReference<>();
        cli.emulatorLifetime = emulator -> {
            String[] args = {
                "delete", "--endpoint", emulator.url(), "--project", CsmsEmulator.DEMO_PROJECT_ID, "--name", "pr-1"
            };
            Cli wrong = new Cli()
                    .secret(sk)
                    .env("HUAWEICLOUD_SDK_AK", "LOCALAK0000000000001")
                    .env("HUAWEICLOUD_SDK_SK", "other-secret-key");
            bad.set(wrong.run(args));
            Cli right = new Cli()
                    .secret(sk)
                    .env("HUAWEICLOUD_SDK_AK", "LOCALAK0000000000001")
                    .env("HUAWEICLOUD_SDK_SK", sk);
            good.set(right.run(args));
            wrong.assertNoSecretLeaked();
            right.assertNoSecretLeaked();
        };

        Cli.Result r = cli.run("emulator", "--secret", "pr-1", "--access-keys-from-env");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("HUAWEICLOUD_SDK_AK");
        assertThat(bad.get().exit()).isEqualTo(1);
        assertThat(bad.get().out()).contains("APIGW.0301");
        assertThat(good.get().exit()).as(good.get().err()).isEqualTo(0);
    }

    @Test
    void accessKeysFromEnvNeedBothVariables() {
        cli.env("HUAWEICLOUD_SDK_AK", "LOCALAK0000000000001");

        Cli.Result r = cli.run("emulator", "--access-keys-from-env");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("HUAWEICLOUD_SDK_SK");
    }
}
