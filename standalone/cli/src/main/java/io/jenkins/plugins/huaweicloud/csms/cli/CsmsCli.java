package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code csms}: the command line over the engine. {@code java -jar csms.jar delete|emulator|demo ...}. */
@Command(
        name = "csms",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deletes Huawei Cloud CSMS secrets immediately; runs a local emulator and a demo.",
        subcommands = {
            DeleteCommand.class,
            ScheduleDeleteCommand.class,
            RestoreCommand.class,
            EmulatorCommand.class,
            DemoCommand.class
        },
        exitCodeListHeading = "%nExit status of delete:%n",
        exitCodeList = {
            "0:every secret's outcome is SUCCESS",
            "3:the worst outcome is UNSTABLE",
            "1:at least one outcome is FAILURE",
            "2:invalid arguments or input; nothing was sent"
        },
        footerHeading = "%n",
        footer = {
            "Environment: CSMS_TOKEN (the token), CSMS_IAM_PASSWORD (the password of --iam-user).",
            "A token or password is never taken as an argument and never printed.",
            "Run 'csms COMMAND --help' for a command's options."
        })
public final class CsmsCli implements Callable<Integer> {
    private static final String NO_SECRETS_ON_COMMAND_LINE = "A token or password is never taken on the command"
            + " line (it would show in ps and in shell history): use --token-file FILE or env CSMS_TOKEN, or"
            + " --iam-user USER with env CSMS_IAM_PASSWORD.";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        System.exit(commandLine(CliContext.system(), out, err).execute(args));
    }

    /** The configured command line: injected environment and streams, exit status 2 for every argument error. */
    public static CommandLine commandLine(CliContext ctx, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CsmsCli(), factory(ctx));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(parameterErrors());
        cli.setExecutionExceptionHandler(executionErrors());
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.INVALID_INPUT);
        cli.getCommandSpec().exitCodeOnExecutionException(ExitCodes.FAILURE);
        return cli;
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(), "Missing command: give delete, schedule-delete, restore, emulator or demo.");
    }

    private static IFactory factory(CliContext ctx) {
        IFactory defaults = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DeleteCommand.class) {
                    return (K) new DeleteCommand(ctx);
                }
                if (cls == ScheduleDeleteCommand.class) {
                    return (K) new ScheduleDeleteCommand(ctx);
                }
                if (cls == RestoreCommand.class) {
                    return (K) new RestoreCommand(ctx);
                }
                if (cls == EmulatorCommand.class) {
                    return (K) new EmulatorCommand(ctx);
                }
                if (cls == DemoCommand.class) {
                    return (K) new DemoCommand(ctx);
                }
                return defaults.create(cls);
            }
        };
    }

    /** Prints the problem without echoing unknown arguments' values (a token pasted as one must not reach a log). */
    private static IParameterExceptionHandler parameterErrors() {
        return (ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String name = cmd.getCommandSpec().qualifiedName();
            if (ex instanceof UnmatchedArgumentException unmatched) {
                List<String> options = unmatched.getUnmatched().stream()
                        .filter(a -> a.startsWith("-"))
                        .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                        .distinct()
                        .toList();
                err.println(name + ": "
                        + (options.isEmpty()
                                ? "unexpected argument (not repeated here)."
                                : "unknown option " + String.join(", ", options) + " (values not repeated here)."));
                if (options.stream().anyMatch(CsmsCli::looksSecret)) {
                    err.println(NO_SECRETS_ON_COMMAND_LINE);
                }
            } else {
                err.println(name + ": " + ex.getMessage());
            }
            err.println("Nothing was sent. Run '" + name + " --help' for usage.");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        };
    }

    private static boolean looksSecret(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        return o.contains("token") || o.contains("password") || o.contains("passwd") || o.contains("key");
    }

    private static IExecutionExceptionHandler executionErrors() {
        return (ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            String name = cmd.getCommandSpec().qualifiedName();
            if (ex instanceof InvalidInputException) {
                err.println(name + ": " + ex.getMessage());
                err.flush();
                return ExitCodes.INVALID_INPUT;
            }
            if (ex instanceof InterruptedException) {
                err.println(name + ": interrupted.");
                err.flush();
                Thread.currentThread().interrupt();
                return ExitCodes.FAILURE;
            }
            err.println(name + ": failed (" + ex.getClass().getSimpleName() + "): " + ex.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        };
    }
}
