package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Authentication;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordCredentials;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code csms demo}: an in-process emulator, four secrets with scripted faults, deleted through the same path as
 * {@code csms delete}, and a table of what happened. Exits 0 when every row came out as designed.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Starts a local CSMS emulator in this process (NOT Huawei Cloud), creates secrets, scripts faults"
                    + " (a 503, a 429 with Retry-After, an absent secret, a 403), deletes them through the same"
                    + " path as 'csms delete' with an IAM password token, and prints a table. Takes about 2 s.",
            "The table includes an UNSTABLE and a FAILURE row on purpose; the demo itself exits 0 when every row"
                    + " came out as designed."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every row came out as designed", "1:something did not (a bug: please report it)"})
final class DemoCommand implements Callable<Integer> {
    private static final String ACCOUNT = "demo-account";
    private static final String USER = "demo-user";

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The secrets of the demo, what happens to each, and the outcome that shows it worked as designed. */
    private record Row(String name, boolean exists, String script, Outcome expected, Fault... faults) {}

    private static List<Row> rows() {
        return List.of(
                new Row("pr-42-db", true, "answers 503 once, then deletes", Outcome.SUCCESS, Fault.status(503)),
                new Row(
                        "pr-42-api",
                        true,
                        "answers 429 with Retry-After: 1 once, then deletes",
                        Outcome.SUCCESS,
                        Fault.status(429).retryAfter(1)),
                new Row("pr-42-cache", false, "does not exist (already absent)", Outcome.UNSTABLE),
                new Row("pr-42-queue", true, "answers 403 (not allowed)", Outcome.FAILURE, Fault.status(403)));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String project = CsmsEmulator.DEMO_PROJECT_ID;
        // A throwaway password for this process only; it is never printed.
        String password = UUID.randomUUID().toString();
        List<Row> rows = rows();
        try (CsmsEmulator emulator = CsmsEmulator.builder()
                .port(0)
                .user(ACCOUNT, USER, password, project)
                .start()) {
            for (Row row : rows) {
                if (row.exists()) {
                    emulator.createSecret(project, row.name(), "demo-value-of-" + row.name());
                }
                emulator.script(row.name(), row.faults());
            }
            out.println("csms demo: a local CSMS emulator (NOT Huawei Cloud) at " + emulator.url() + ", project "
                    + project + ".");
            for (Row row : rows) {
                out.printf("  %-12s %s%n", row.name(), row.script());
            }
            out.println("Deleting them with one IAM password token for " + USER + " (same path as 'csms delete'):");
            out.flush();

            ClientSettings settings = ClientSettings.builder()
                    .attempts(3)
                    .backoffBase(Duration.ofMillis(200))
                    .retryAfterCap(Duration.ofSeconds(2))
                    .connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(10))
                    .callTimeout(Duration.ofSeconds(10))
                    .build();
            Endpoint endpoint = Endpoint.of(emulator.url());
            ProjectId projectId = ProjectId.of(project);
            var tokens = CredentialOptions.iamTokenSource(
                    new IamPasswordCredentials(endpoint, ACCOUNT, USER, password, projectId), settings);
            DeletionRun run = new DeletionRun(endpoint, Authentication.of(tokens), settings, ctx, m -> {
                out.println("  " + m);
                out.flush();
            });
            List<SecretName> names =
                    rows.stream().map(r -> SecretName.of(r.name())).toList();
            List<DeletionResult> results = run.deleteEach(projectId, names, r -> {});
            int iamRequests = emulator.requestCount("POST", "/v3/auth/tokens");

            out.println();
            printTable(out, results);
            out.println();
            Outcome worst = DeletionRun.worst(results);
            out.println("IAM password exchanges: " + iamRequests + ". Left in the emulator: "
                    + emulator.secretNames(project) + ".");
            out.println("Exit status of 'csms delete': 0 every outcome SUCCESS, 3 worst UNSTABLE, 1 any FAILURE,"
                    + " 2 invalid arguments or input (nothing sent). This batch would exit "
                    + ExitCodes.of(worst) + ".");
            String mismatch = mismatch(rows, results);
            if (mismatch != null) {
                out.println("The demo did NOT run as designed: " + mismatch + ". Exit status 1.");
                out.flush();
                return ExitCodes.FAILURE;
            }
            out.println("Every row came out as designed, so the demo exits 0.");
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }

    private static String mismatch(List<Row> rows, List<DeletionResult> results) {
        Map<String, Outcome> expected = new LinkedHashMap<>();
        rows.forEach(r -> expected.put(r.name(), r.expected()));
        for (DeletionResult r : results) {
            if (expected.get(r.name()) != r.outcome()) {
                return r.name() + " is " + r.outcome() + ", expected " + expected.get(r.name());
            }
        }
        return null;
    }

    static void printTable(PrintWriter out, List<DeletionResult> results) {
        String format = "%-8s  %-12s  %-4s  %-8s  %s%n";
        out.printf(Locale.ROOT, format, "OUTCOME", "SECRET", "HTTP", "ATTEMPTS", "WHAT HAPPENED");
        for (DeletionResult r : results) {
            String why = r.reason() + (r.errorCode() != null ? " [" + r.errorCode() + "]" : "");
            out.printf(
                    Locale.ROOT, format, r.outcome(), r.name(), r.status() == 0 ? "-" : r.status(), r.attempts(), why);
        }
    }
}
