package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code java -cp ... EmulatorMain [options]}. Prints the URL, a
 * project id and a token, then serves until killed; Ctrl-C / SIGTERM close it cleanly.
 */
public final class EmulatorMain {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: EmulatorMain [options]",
            "Local imitation of the Huawei Cloud CSMS + IAM API subset (NOT Huawei Cloud).",
            "  --port N            port on 127.0.0.1 (default 0 = any free port)",
            "  --rate-limit N      /v1 requests per second, 0 = unlimited (default 0)",
            "  --latency-ms N      fixed latency per request in ms (default 0)",
            "  --error-rate F      fraction 0..1 of /v1 requests answered 500/502/503 (default 0)",
            "  --seed N            seed for the error rate (default 0)",
            "  --user D:U:P        IAM user U of account D with password P, allowed the demo project",
            "  --secret NAME       create this secret in the demo project (repeatable)",
            "  --access-key AK:SK  a long-term AK/SK pair of account 'demo' for the demo project (fake keys;",
            "                      signed requests are verified)",
            "  --help              show this text");

    /** Thrown for bad arguments; the message says which. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private EmulatorMain() {}

    /** Starts the emulator and blocks until the JVM is stopped; bad arguments exit with status 2. */
    public static void main(String[] args) throws InterruptedException {
        CsmsEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "csms-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses the arguments, starts an emulator and prints how to reach it.
     *
     * @throws UsageException for bad arguments (an empty message means {@code --help})
     */
    static CsmsEmulator start(String[] args, PrintStream out) throws UsageException {
        CsmsEmulator.Builder builder = CsmsEmulator.builder();
        List<String> secrets = new ArrayList<>();
        double errorRate = 0;
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    throw new UsageException("");
                case "--port":
                    builder.port(intArg(arg, value(args, ++i, arg), 0, 65535));
                    break;
                case "--rate-limit":
                    builder.rateLimit(intArg(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
                    break;
                case "--latency-ms":
                    builder.latency(Duration.ofMillis(intArg(arg, value(args, ++i, arg), 0, 600_000)));
                    break;
                case "--error-rate":
                    errorRate = doubleArg(arg, value(args, ++i, arg));
                    break;
                case "--seed":
                    seed = longArg(arg, value(args, ++i, arg));
                    break;
                case "--user":
                    addUser(builder, value(args, ++i, arg));
                    break;
                case "--secret":
                    secrets.add(value(args, ++i, arg));
                    break;
                case "--access-key":
                    addAccessKey(builder, value(args, ++i, arg));
                    break;
                default:
                    throw new UsageException("Unknown argument: " + arg);
            }
        }
        builder.errorRate(errorRate, seed);
        for (String name : secrets) {
            if (!SecretsHandler.SECRET_NAME.matcher(name).matches()) {
                throw new UsageException("--secret must be " + SecretsHandler.NAME_RULE + ": " + name);
            }
            builder.secret(CsmsEmulator.DEMO_PROJECT_ID, name, "emulated-value-of-" + name);
        }
        CsmsEmulator emulator = builder.start();
        out.println("CSMS emulator (local imitation, NOT Huawei Cloud) listening.");
        out.println("url:     " + emulator.url());
        out.println("project: " + CsmsEmulator.DEMO_PROJECT_ID);
        out.println("token:   " + emulator.issueToken(CsmsEmulator.DEMO_PROJECT_ID));
        out.flush();
        return emulator;
    }

    private static void addUser(CsmsEmulator.Builder builder, String spec) throws UsageException {
        // Split on the first two colons only: the password may contain ':'.
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new UsageException("--user must be domain:user:password");
        }
        builder.user(parts[0], parts[1], parts[2], CsmsEmulator.DEMO_PROJECT_ID);
    }

    private static void addAccessKey(CsmsEmulator.Builder builder, String spec) throws UsageException {
        String[] parts = spec.split(":", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new UsageException("--access-key must be AK:SK");
        }
        try {
            builder.accessKey("demo", parts[0], parts[1], CsmsEmulator.DEMO_PROJECT_ID);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--access-key: " + e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String option, String value, int min, int max) throws UsageException {
        long n = longArg(option, value);
        if (n < min || n > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return (int) n;
    }

    private static long longArg(String option, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number: " + value);
        }
    }

    private static double doubleArg(String option, String value) throws UsageException {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number: " + value);
        }
        if (!(d >= 0.0 && d <= 1.0)) {
            throw new UsageException(option + " must be between 0 and 1: " + value);
        }
        return d;
    }
}
