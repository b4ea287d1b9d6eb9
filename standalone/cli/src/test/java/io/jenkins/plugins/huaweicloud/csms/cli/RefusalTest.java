package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: exit status 2, a message that says what is allowed, and not one request on the server. */
class RefusalTest extends EmulatorFixture {

    private Cli.Result refused(String... args) {
        Cli.Result r = cli.run(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(emulator.requestCount()).as("requests sent").isZero();
        return r;
    }

    static Stream<Arguments> badDeleteArguments() {
        return Stream.of(
                Arguments.of(List.of("--name", "a/b"), "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"),
                Arguments.of(List.of("--name", "ok", "--name", ".."), "not only periods"),
                Arguments.of(List.of("--prefix", "..."), "not only periods"),
                Arguments.of(List.of("--name", "a", "--attempts", "0"), "it must be from 1 to 10"),
                Arguments.of(List.of("--name", "a", "--attempts", "11"), "it must be from 1 to 10"),
                Arguments.of(List.of("--name", "a", "--attempts", "three"), "'three' is not an int"),
                Arguments.of(List.of("--name", "a", "--timeout", "0"), "it must be from 1 to 1800 seconds"),
                Arguments.of(List.of("--name", "a", "--timeout", "1801"), "it must be from 1 to 1800 seconds"),
                Arguments.of(List.of("--name", "a", "--if-missing", "MAYBE"), "must be SUCCESS, UNSTABLE or FAILURE"),
                Arguments.of(
                        List.of(), "Give at least one --name NAME, or --prefix PREFIX (or --names-file FILE, or --tag"),
                Arguments.of(List.of("--prefix", "pr"), "at least 3 characters"),
                Arguments.of(List.of("--prefix", "pr/../"), "it contains '/'"),
                Arguments.of(
                        List.of("--prefix", "pr-1", "--name", "a"), "Give --name (one or more) or --prefix, not both"),
                Arguments.of(List.of("--prefix", "pr-1", "--max-count", "0"), "it must be from 1 to 10000"),
                Arguments.of(List.of("--name", "a", "--concurrency", "0"), "it must be from 1 to 32"),
                Arguments.of(List.of("--name", "a", "--concurrency", "33"), "it must be from 1 to 32"),
                Arguments.of(List.of("--name", "a", "--rate", "0"), "more than 0 and at most 100"),
                Arguments.of(List.of("--name", "a", "--rate", "101"), "more than 0 and at most 100"));
    }

    @ParameterizedTest
    @MethodSource("badDeleteArguments")
    void badArgumentsAreRefusedBeforeAnythingIsSent(List<String> more, String message) {
        cli.env("CSMS_TOKEN", token);
        List<String> args = new ArrayList<>(List.of(delete()));
        args.addAll(more);

        Cli.Result r = refused(args.toArray(String[]::new));

        assertThat(r.err()).contains(message);
    }

    @Test
    void aBadProjectIdIsRefused() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = refused("delete", "--endpoint", emulator.url(), "--project", "abc", "--name", "a");

        assertThat(r.err()).contains("Project id 'abc' is invalid: it must be 32 to 64 ASCII letters and digits");
    }

    @Test
    void plainHttpIsRefusedForAHostThatIsNotLoopback() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = refused("delete", "--endpoint", "http://example.com", "--project", PROJECT, "--name", "a");

        assertThat(r.err()).contains("it must use https://").contains("only for loopback hosts");
    }

    @Test
    void endpointAndRegionTogetherAreRefused() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = refused(delete("--region", "cn-north-4", "--name", "a"));

        assertThat(r.err()).contains("Give exactly one of --endpoint URL or --region REGION, not both.");
    }

    @Test
    void neitherEndpointNorRegionIsRefused() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = refused("delete", "--project", PROJECT, "--name", "a");

        assertThat(r.err()).contains("Give exactly one of --endpoint URL").contains("--region REGION");
    }

    @Test
    void anInvalidRegionIsRefused() {
        cli.env("CSMS_TOKEN", token);

        Cli.Result r = refused("delete", "--region", "North 4", "--project", PROJECT, "--name", "a");

        assertThat(r.err()).contains("must be a region id in lower case such as cn-north-4");
    }

    @Test
    void aMissingTokenIsRefusedWithTheWaysToGiveOne() {
        Cli.Result r = refused(delete("--name", "a"));

        assertThat(r.err())
                .contains("No token: set env CSMS_TOKEN, give --token-file FILE")
                .contains("never taken on the command line");
    }

    @Test
    void aShortTokenInTheEnvironmentIsRefusedWithoutShowingIt() {
        cli.env("CSMS_TOKEN", "short-SECRET").secret("short-SECRET");

        Cli.Result r = refused(delete("--name", "a"));

        assertThat(r.err()).contains("Env CSMS_TOKEN: Token is invalid: it must be at least 32 characters");
    }

    @Test
    void aTokenOnTheCommandLineIsNotEvenAnOptionAndIsNotEchoed() {
        Cli.Result r = refused(delete("--name", "a", "--token", token));

        assertThat(r.err())
                .contains("unknown option --token")
                .contains("A token or password is never taken on the command line");
    }

    @Test
    void aTokenGluedToAnUnknownOptionIsNotEchoedEither() {
        Cli.Result r = refused(delete("--name", "a", "--password=" + PASSWORD));

        assertThat(r.err()).contains("unknown option --password");
    }

    @Test
    void aMissingTokenFileIsRefusedByName(@TempDir Path dir) {
        Path file = dir.resolve("no-such-token");

        Cli.Result r = refused(delete("--name", "a", "--token-file", file.toString()));

        assertThat(r.err()).contains("Token file '" + file + "' does not exist.");
    }

    @Test
    void aTokenFileThatIsADirectoryIsRefused(@TempDir Path dir) {
        Cli.Result r = refused(delete("--name", "a", "--token-file", dir.toString()));

        assertThat(r.err()).contains("is a directory");
    }

    @Test
    void anInvalidTokenFileIsRefusedWithoutItsContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        String content = "TOKEN-FILE-MARKER " + "y".repeat(40);
        Files.writeString(file, content);
        cli.secret("TOKEN-FILE-MARKER").secret("y".repeat(40));

        Cli.Result r = refused(delete("--name", "a", "--token-file", file.toString()));

        assertThat(r.err())
                .contains("Token file '" + file + "': Token is invalid: it must be printable ASCII without spaces");
    }

    @Test
    void aNonAsciiTokenFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "tökén-" + "w".repeat(40));
        cli.secret("w".repeat(40));

        Cli.Result r = refused(delete("--name", "a", "--token-file", file.toString()));

        assertThat(r.err()).contains("a token is printable ASCII");
    }

    @Test
    void theFirstBadValueStopsEverythingEvenWhenOthersAreFine() {
        createSecrets("good");
        cli.env("CSMS_TOKEN", token);

        refused(delete("--name", "good", "--name", "bad name"));

        assertThat(emulator.hasSecret(PROJECT, "good")).isTrue();
    }
}
