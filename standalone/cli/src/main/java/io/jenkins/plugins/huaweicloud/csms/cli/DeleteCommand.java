package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.ArgumentNames;
import io.jenkins.plugins.huaweicloud.csms.client.Authentication;
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
import io.jenkins.plugins.huaweicloud.csms.client.SecretRedactor;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
            "2:invalid arguments or input; nothing was sent",
            "130:stopped by SIGINT (Ctrl-C), after the calls in flight finished or the grace ran out",
            "143:stopped by SIGTERM, likewise"
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
            "--dry-run prints DRY-RUN<TAB>NAME lines (with --json {\"name\":...,\"dryRun\":true}) and sends no DELETE.",
            "",
            "SIGINT (Ctrl-C) or SIGTERM: no new request is started; the calls in flight get 5 s to finish and their",
            "lines are printed, then a summary with 'interrupted' on stderr; exit status 130 (SIGINT) or 143 (SIGTERM).",
            "A second signal exits at once. Server text is printed with every secret replaced by [redacted]."
        })
class DeleteCommand implements Callable<Integer> {
    /** The deletion job's messages name the options as typed here. */
    static final ArgumentNames OPTIONS = new ArgumentNames(
            Map.ofEntries(
                    Map.entry("names", "--name"),
                    Map.entry("prefix", "--prefix"),
                    Map.entry("maxCount", "--max-count"),
                    Map.entry("concurrency", "--concurrency"),
                    Map.entry("rate", "--rate"),
                    Map.entry("endpoint", "--endpoint URL"),
                    Map.entry("region", "--region REGION"),
                    Map.entry("ifMissing", "--if-missing"),
                    Map.entry("attempts", "--attempts"),
                    Map.entry("timeout", "--timeout"),
                    Map.entry("tags", "--tag"),
                    Map.entry("recoveryDays", "--recovery-days")),
            "Give at least one --name NAME, or --prefix PREFIX (or --names-file FILE, or --tag KEY=VALUE).",
            "Give --name (one or more) or --prefix, not both: --name/--names-file, --prefix and --tag are different"
                    + " ways to select secrets; use one.",
            "");

    private static final Pattern OFFICIAL_KMS =
            Pattern.compile("https://kms\\.([a-z0-9-]+)\\.(myhuaweicloud\\.(?:com|eu))");

    private final CliContext ctx;

    /** Where {@code --names-file -} reads from; a test sets its own. */
    Supplier<InputStream> stdin = () -> System.in;

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
            description =
                    "Secret to delete (repeatable): 1 to 64 of A-Z a-z 0-9 . _ - (not only periods). Give --name or"
                            + " --prefix.")
    List<String> names;

    @Option(
            names = "--names-file",
            paramLabel = "FILE",
            description = "Read secret names from FILE, or from stdin with -: one per line, blank lines and lines"
                    + " starting with # ignored. Every name is checked before anything is sent. May be combined"
                    + " with --name.")
    String namesFile;

    @Option(
            names = "--tag",
            paramLabel = "KEY=VALUE",
            description = "Select every secret of the project tagged KEY=VALUE (repeatable: different keys must all"
                    + " match, values of the same key are alternatives), found by CSMS's query by tag.")
    List<String> tags;

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
            description = "With --prefix or --tag: if more than N secrets match, do nothing and fail (default"
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
            description = "Region id such as cn-north-4: the endpoint is https://kms.REGION.myhuaweicloud.com"
                    + " (myhuaweicloud.eu for eu-west-101 and other eu-west-1* regions).")
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

    @Option(
            names = "--stop-grace-millis",
            hidden = true,
            defaultValue = "5000",
            description = "On SIGINT/SIGTERM, how long the calls in flight may take to finish (tests shorten it).")
    long stopGraceMillis;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat format = json ? OutputFormat.JSON : OutputFormat.TEXT;
        Plan plan;
        try {
            plan = plan(err);
        } catch (InvalidInputException e) {
            err.println("csms " + spec.name() + ": " + e.getMessage());
            err.println("Nothing was sent. Run 'csms " + spec.name() + " --help' for usage.");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        RunOutput output = new RunOutput(out, err, format, new SecretRedactor());
        StopController stop = ctx.handleSignals()
                ? StopController.onSignals(Duration.ofMillis(Math.max(0, stopGraceMillis)), output::noteAsIs)
                : StopController.none();
        stop.runOn(Thread.currentThread());
        Terminal terminal =
                new Terminal(output, format, stop, plan.job().target().names().size());
        try {
            return run(plan, output, stop, terminal);
        } catch (InterruptedException e) {
            if (!stop.requested()) {
                throw e;
            }
            stop.finished();
            return interrupted(output, stop, terminal.targets());
        } finally {
            stop.finished();
        }
    }

    /** Runs the engine's deletion job; its client shares the run's redactor and a sleeper a stop cuts short. */
    private int run(Plan plan, RunOutput output, StopController stop, Terminal terminal) throws InterruptedException {
        DeletionReport report;
        try {
            report = DeletionJob.run(
                    plan.job(),
                    plan.credentials()
                            .applyTo(CsmsClient.builder())
                            .sleeper(stop.sleeper(ctx.sleeper()))
                            .clock(ctx.clock())
                            .redactor(output.redactor()),
                    terminal,
                    stop::requested);
        } catch (DeletionRefusedException e) {
            output.problem(spec.name(), e.getMessage());
            return ExitCodes.FAILURE;
        }
        stop.finished();
        if (stop.requested()) {
            return interrupted(output, stop, terminal.targets());
        }
        if (dryRun) {
            return ExitCodes.SUCCESS;
        }
        int exit = ExitCodes.of(report.worst());
        output.note(report.summary() + "; exit status " + exit);
        return exit;
    }

    /** The summary of a run a signal stopped: what was reported, what was not, and what a rerun will say. */
    private static int interrupted(RunOutput output, StopController stop, int targets) {
        int missing = Math.max(0, targets - output.reported());
        StringBuilder s = new StringBuilder("interrupted by ")
                .append(stop.signalName())
                .append(": ")
                .append(output.counts());
        if (missing > 0) {
            s.append("; ").append(missing).append(" of ").append(targets).append(" not reported: ");
            s.append(
                    stop.graceExpired()
                            ? "never sent, or cancelled in flight after the "
                                    + stop.grace().toMillis() / 1000.0 + " s grace (those may have been deleted)"
                            : "never sent");
        }
        s.append(". A rerun reports the secrets already deleted as already absent: rerun with --if-missing SUCCESS.");
        s.append(" Exit status ").append(stop.exitCode());
        output.note(s.toString());
        return stop.exitCode();
    }

    /** The validated job and its credential. */
    record Plan(DeletionPlan job, Authentication credentials) {}

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
                .names(allNames())
                .prefix(prefix)
                .tags(tags)
                .action(action())
                .recoveryDays(recoveryDays())
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

    /** What each selected secret is asked: delete now here; scheduled deletion or restore in the subcommands. */
    DeletionRequest.Action action() {
        return DeletionRequest.Action.DELETE;
    }

    /** The recovery window of a scheduled deletion, or null. */
    Integer recoveryDays() {
        return null;
    }

    /** {@code --name} values, then the names of {@code --names-file} (read and checked now); null when neither. */
    private List<String> allNames() {
        if (namesFile == null) {
            return names;
        }
        List<String> all = new ArrayList<>(names == null ? List.of() : names);
        all.addAll(NamesFile.read(namesFile, stdin));
        return all;
    }

    /**
     * The job's listener: stdout gets one line per secret (or per secret a dry run would delete), stderr everything
     * else, all through the run's {@link RunOutput}. When deletions start it tells the stop controller (a signal then
     * waits for the calls in flight) and keeps their number for an interrupted run's summary.
     */
    private static final class Terminal implements JobListener {
        private final RunOutput output;
        private final OutputFormat format;
        private final StopController stop;
        private volatile int targets;

        Terminal(RunOutput output, OutputFormat format, StopController stop, int targets) {
            this.output = output;
            this.format = format;
            this.stop = stop;
            this.targets = targets;
        }

        @Override
        public void log(String line) {
            output.note(line);
        }

        @Override
        public void result(DeletionResult result) {
            output.result(result);
        }

        @Override
        public void wouldDelete(SecretName name) {
            output.line(format.dryRunLine(name));
        }

        @Override
        public void deleting(List<SecretName> names) {
            targets = names.size();
            stop.deleting();
        }

        int targets() {
            return targets;
        }
    }

    /**
     * The region of an official endpoint {@code https://kms.REGION.DOMAIN} whose domain is the one that serves that
     * region ({@code myhuaweicloud.com}, or {@code myhuaweicloud.eu} for eu-west-1*), else null.
     */
    static String officialRegion(Endpoint endpoint) {
        Matcher m = OFFICIAL_KMS.matcher(endpoint.url());
        if (!m.matches()) {
            return null;
        }
        try {
            String region = Endpoint.checkRegion(m.group(1));
            return Endpoint.domainFor(region).equals(m.group(2)) ? region : null;
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
