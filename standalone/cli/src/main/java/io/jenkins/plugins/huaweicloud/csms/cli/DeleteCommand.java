package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.ArgumentNames;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionDefaults;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionJob;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionPlan;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRefusedException;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionReport;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.JobListener;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code csms delete}: deletes CSMS secrets immediately, one line per secret on stdout, exit status by outcome. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Deletes CSMS secrets immediately (DELETE /v1/{project}/secrets/{name}); this cannot be undone.",
            "Every value is checked before anything is sent. Retries (429, 5xx, network errors) are announced on"
                    + " stderr. A name given twice is deleted once. Several secrets are deleted 4 at a time at 10"
                    + " requests per second, sharing one connection pool and one token."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every secret's outcome is SUCCESS",
            "3:the worst outcome is UNSTABLE (e.g. already absent, or still throttled after the last attempt)",
            "1:at least one outcome is FAILURE (or --prefix matched more than --max-count, or listing failed)",
            "2:invalid arguments or input; nothing was sent"
        },
        footerHeading = "%n",
        footer = {
            "Environment:",
            "  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK   access keys (AK/SK) that sign each request (recommended)",
            "  HUAWEICLOUD_SDK_SECURITY_TOKEN         with temporary access keys",
            "  CSMS_TOKEN          the IAM token, unless --token-file or --iam-user is given",
            "  CSMS_IAM_PASSWORD   the password of --iam-user",
            "An option (--access-key-file, --token-file, --iam-user) chooses the credential; otherwise the one",
            "the environment holds. Several without --auth: exit 2, nothing sent.",
            "A key, token or password is never taken as an argument and never printed.",
            "",
            "stdout: one line per secret, 7 tab-separated fields ('-' when empty):",
            "  OUTCOME  NAME  HTTP_STATUS  ERROR_CODE  REQUEST_ID  KIND  ATTEMPTS",
            "with --json one JSON object per secret instead. Reasons, retries and a summary go to stderr.",
            "--dry-run prints DRY-RUN<TAB>NAME lines (with --json {\"name\":...,\"dryRun\":true}) and sends no DELETE."
        })
final class DeleteCommand implements Callable<Integer> {
    /** The deletion job's messages name the options as typed here. */
    static final ArgumentNames OPTIONS = new ArgumentNames(
            Map.of(
                    "names", "--name",
                    "prefix", "--prefix",
                    "maxCount", "--max-count",
                    "concurrency", "--concurrency",
                    "rate", "--rate",
                    "endpoint", "--endpoint URL",
                    "region", "--region REGION",
                    "ifMissing", "--if-missing",
                    "attempts", "--attempts",
                    "timeout", "--timeout"),
            "Give at least one --name NAME, or --prefix PREFIX.",
            "Give --name (one or more) or --prefix, not both.",
            "");

    private static final Pattern OFFICIAL_KMS = Pattern.compile("https://kms\\.([a-z0-9-]+)\\.myhuaweicloud\\.com");

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--project",
            required = true,
            paramLabel = "ID",
            description = "Project id: 32 to 64 ASCII letters and digits.")
    String project;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Secret to delete (repeatable): 1 to 64 of A-Z a-z 0-9 _ -. Give --name or --prefix.")
    List<String> names;

    @Option(
            names = "--prefix",
            paramLabel = "PREFIX",
            description = "Delete every secret of the project whose name starts with PREFIX (at least 3 characters),"
                    + " found by listing the project.")
    String prefix;

    @Option(
            names = "--max-count",
            paramLabel = "N",
            defaultValue = "100",
            description = "With --prefix: if more than N secrets match, delete nothing and fail (default"
                    + " ${DEFAULT-VALUE}, at most 10000).")
    int maxCount;

    @Option(
            names = "--dry-run",
            description = "Print what would be deleted (DRY-RUN<TAB>NAME lines) and delete nothing.")
    boolean dryRun;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Deletions in flight at once, 1 to 32 (default ${DEFAULT-VALUE}). Results are printed as"
                    + " they finish: in the order given only with 1.")
    int concurrency;

    @Option(
            names = "--rate",
            paramLabel = "PER_SECOND",
            defaultValue = "10",
            description = "Requests per second for the whole run, more than 0 and at most 100 (default"
                    + " ${DEFAULT-VALUE}; CSMS allows about 20 per user). A 429 slows the whole run down.")
    double rate;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "CSMS base URL, https:// (http:// only for loopback hosts). Exactly one of --endpoint or"
                    + " --region is required.")
    String endpoint;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Region id such as cn-north-4: the endpoint is https://kms.REGION.myhuaweicloud.com.")
    String region;

    @Mixin
    CredentialOptions credentials;

    @Option(
            names = "--if-missing",
            paramLabel = "OUTCOME",
            defaultValue = "UNSTABLE",
            description = "Outcome when a secret is already absent: SUCCESS, UNSTABLE or FAILURE (default"
                    + " ${DEFAULT-VALUE}).")
    String ifMissing;

    @Option(
            names = "--attempts",
            paramLabel = "N",
            defaultValue = "3",
            description = "Attempts in all for retryable answers, 1 to 10 (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Whole-call timeout of one attempt, 1 to 1800 seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--json",
            description = "Print one JSON object per secret on stdout instead of the tab-separated line.")
    boolean json;

    DeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat format = json ? OutputFormat.JSON : OutputFormat.TEXT;
        Plan plan;
        try {
            plan = plan(err);
        } catch (InvalidInputException e) {
            err.println("csms delete: " + e.getMessage());
            err.println("Nothing was sent. Run 'csms delete --help' for usage.");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        DeletionReport report;
        try {
            report = DeletionJob.run(
                    plan.job(),
                    plan.credentials()
                            .applyTo(CsmsClient.builder())
                            .sleeper(ctx.sleeper())
                            .clock(ctx.clock()),
                    new Terminal(out, err, format));
        } catch (DeletionRefusedException e) {
            err.println("csms delete: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (dryRun) {
            return ExitCodes.SUCCESS;
        }
        int exit = ExitCodes.of(report.worst());
        err.println("csms: " + report.summary() + "; exit status " + exit);
        err.flush();
        return exit;
    }

    /** The validated job and its credential. */
    record Plan(DeletionPlan job, RunCredentials credentials) {}

    /**
     * Validates everything, in the order a person would fix it, and builds the token source; sends nothing.
     *
     * @param err unused: the job says what it noticed (such as a name given twice) when it runs
     */
    Plan plan(PrintWriter err) {
        DeletionPlan job = DeletionJob.plan(request(), DeletionDefaults.NONE, OPTIONS);
        String officialRegion = region != null ? Endpoint.checkRegion(region) : officialRegion(job.endpoint());
        return new Plan(job, credentials.resolve(ctx, job.project(), officialRegion, job.settings()));
    }

    /** The options as the deletion job's request; picocli has already turned them into types. */
    DeletionRequest request() {
        return DeletionRequest.builder()
                .project(project)
                .names(names)
                .prefix(prefix)
                .maxCount(maxCount)
                .dryRun(dryRun)
                .concurrency(concurrency)
                .rate(rate)
                .endpoint(endpoint)
                .region(region)
                .credentialsId(credentials.describe(ctx))
                .ifMissing(ifMissing)
                .attempts(attempts)
                .timeoutSeconds(timeoutSeconds)
                .build();
    }

    /** stdout: one line per secret (or per secret a dry run would delete); stderr: everything else. */
    private record Terminal(PrintWriter out, PrintWriter err, OutputFormat format) implements JobListener {
        @Override
        public void log(String line) {
            err.println("csms: " + line);
            err.flush();
        }

        @Override
        public void result(DeletionResult result) {
            out.println(format.line(result));
            out.flush();
        }

        @Override
        public void wouldDelete(SecretName name) {
            out.println(format.dryRunLine(name));
            out.flush();
        }
    }

    /** The region of an official endpoint {@code https://kms.REGION.myhuaweicloud.com}, else null. */
    static String officialRegion(Endpoint endpoint) {
        Matcher m = OFFICIAL_KMS.matcher(endpoint.url());
        if (!m.matches()) {
            return null;
        }
        try {
            return Endpoint.checkRegion(m.group(1));
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
