package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code csms emulator}: runs the local CSMS + IAM emulator in the foreground until Ctrl-C. */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs a local imitation of the CSMS + IAM API subset on 127.0.0.1 (NOT Huawei Cloud) until Ctrl-C.",
            "Prints its URL, a project id and a token. That token is a throwaway local test token, valid only for"
                    + " this emulator process: use it as CSMS_TOKEN for 'csms delete --endpoint URL'."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped by Ctrl-C or SIGTERM", "1:could not start (e.g. port in use)", "2:invalid options"},
        footerHeading = "%n",
        footer = {"Environment:", "  CSMS_IAM_PASSWORD   the password of every --user (never taken as an argument)"})
final class EmulatorCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "0",
            description = "Port on 127.0.0.1, 0 = any free port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--rate-limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "/v1 requests per second before 429, 0 = unlimited (default ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(
            names = "--latency-ms",
            paramLabel = "N",
            defaultValue = "0",
            description = "Fixed latency per request in ms, 0 to 600000 (default ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(
            names = "--error-rate",
            paramLabel = "F",
            defaultValue = "0",
            description = "Fraction 0..1 of /v1 requests answered 500, 502 or 503 (default ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed of --error-rate (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--secret",
            paramLabel = "NAME",
            description = "Create this secret in the demo project (repeatable).")
    List<String> secrets = new ArrayList<>();

    @Option(
            names = "--access-keys-from-env",
            description = "Accept requests signed with the AK/SK pair of env HUAWEICLOUD_SDK_AK and"
                    + " HUAWEICLOUD_SDK_SK for the demo project (signatures are verified).")
    boolean accessKeysFromEnv;

    @Option(
            names = "--user",
            paramLabel = "ACCOUNT:USER",
            description = "Add an IAM user allowed the demo project (repeatable), password from env"
                    + " CSMS_IAM_PASSWORD. Then: csms delete --iam-endpoint URL --iam-domain ACCOUNT --iam-user USER.")
    List<String> users = new ArrayList<>();

    EmulatorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsmsEmulator.Builder builder;
        try {
            builder = builder();
        } catch (InvalidInputException e) {
            err.println("csms emulator: " + e.getMessage());
            err.println("Run 'csms emulator --help' for usage.");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        CsmsEmulator emulator;
        try {
            emulator = builder.start();
        } catch (UncheckedIOException e) {
            err.println("csms emulator: " + e.getMessage() + " ("
                    + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage() + ")");
            err.flush();
            return ExitCodes.FAILURE;
        }
        try {
            printBanner(out, emulator, accessKeysFromEnv);
            ctx.emulatorLifetime().serve(emulator);
        } finally {
            emulator.close();
        }
        err.println("csms emulator: stopped.");
        err.flush();
        return ExitCodes.SUCCESS;
    }

    /** Validates the options into a builder; starts nothing. */
    CsmsEmulator.Builder builder() {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port " + port + " is invalid: it must be from 0 to 65535.");
        }
        if (rateLimit < 0) {
            throw new InvalidInputException("--rate-limit " + rateLimit + " is invalid: it must be 0 or more.");
        }
        if (latencyMs < 0 || latencyMs > 600_000) {
            throw new InvalidInputException("--latency-ms " + latencyMs + " is invalid: it must be from 0 to 600000.");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new InvalidInputException("--error-rate " + errorRate + " is invalid: it must be from 0 to 1.");
        }
        CsmsEmulator.Builder b = CsmsEmulator.builder()
                .port(port)
                .rateLimit(rateLimit)
                .latency(Duration.ofMillis(latencyMs))
                .errorRate(errorRate, seed);
        for (String raw : secrets) {
            String name = SecretName.of(raw).value();
            b.secret(CsmsEmulator.DEMO_PROJECT_ID, name, "emulated-value-of-" + name);
        }
        if (accessKeysFromEnv) {
            String ak = ctx.envValue(CliContext.AK_ENV);
            String sk = ctx.envValue(CliContext.SK_ENV);
            if (ak == null || sk == null) {
                throw new InvalidInputException("--access-keys-from-env needs env " + CliContext.AK_ENV + " and "
                        + CliContext.SK_ENV + ": the emulator accepts that pair, never given on the command line.");
            }
            try {
                b.accessKey("demo", ak.strip(), sk.strip(), CsmsEmulator.DEMO_PROJECT_ID);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "Env " + CliContext.AK_ENV + "/" + CliContext.SK_ENV + ": " + e.getMessage() + ".");
            }
        }
        if (!users.isEmpty()) {
            String password = ctx.envValue(CliContext.PASSWORD_ENV);
            if (password == null) {
                throw new InvalidInputException("Env " + CliContext.PASSWORD_ENV + " is not set: --user takes the"
                        + " password from it, never from the command line.");
            }
            for (String entry : users) {
                String[] parts = entry.split(":", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new InvalidInputException(
                            "--user must be ACCOUNT:USER (the password comes from env CSMS_IAM_PASSWORD).");
                }
                b.user(parts[0], parts[1], password, CsmsEmulator.DEMO_PROJECT_ID);
            }
        }
        return b;
    }

    private static void printBanner(PrintWriter out, CsmsEmulator emulator, boolean accessKeys) {
        String project = CsmsEmulator.DEMO_PROJECT_ID;
        out.println("CSMS emulator (local imitation, NOT Huawei Cloud) listening. Stop it with Ctrl-C.");
        out.println("url:     " + emulator.url());
        out.println("project: " + project);
        out.println("token:   " + emulator.issueToken(project));
        out.println("(a throwaway local test token, valid only for this emulator)");
        out.println("Try:     CSMS_TOKEN=<token> csms delete --endpoint " + emulator.url() + " --project " + project
                + " --name NAME");
        if (accessKeys) {
            out.println("Or with the access keys of env " + CliContext.AK_ENV + "/" + CliContext.SK_ENV
                    + " (without CSMS_TOKEN): csms delete --endpoint " + emulator.url() + " --project " + project
                    + " --name NAME");
        }
        out.flush();
    }
}
