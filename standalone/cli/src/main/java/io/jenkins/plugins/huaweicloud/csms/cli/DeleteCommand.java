package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.BatchDeletion;
import io.jenkins.plugins.huaweicloud.csms.client.BatchSummary;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.ListingException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.PrefixTeardown;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    List<String> names = new ArrayList<>();

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
        Plan plan;
        try {
            plan = plan(err);
        } catch (InvalidInputException e) {
            err.println("csms delete: " + e.getMessage());
            err.println("Nothing was sent. Run 'csms delete --help' for usage.");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        OutputFormat format = json ? OutputFormat.JSON : OutputFormat.TEXT;
        DeletionRun run = new DeletionRun(plan.endpoint(), plan.credentials(), plan.settings(), ctx, m -> {
            err.println("csms: " + m);
            err.flush();
        });
        List<SecretName> targets = plan.names();
        if (prefix != null) {
            PrefixTeardown.Plan found;
            try {
                found = run.planPrefix(plan.project(), prefix, maxCount);
            } catch (ListingException e) {
                err.println("csms delete: " + e.getMessage() + ". Nothing was deleted.");
                err.flush();
                return ExitCodes.FAILURE;
            }
            if (found.skippedInvalid() > 0) {
                err.println("csms delete: " + found.skippedInvalid() + " listed names start with '" + prefix
                        + "' but are not valid secret names; they are left alone.");
            }
            if (found.overLimit()) {
                err.println("csms delete: " + found.refusal());
                err.flush();
                return ExitCodes.FAILURE;
            }
            err.println("csms: " + found.matched() + " secrets start with '" + prefix + "'.");
            targets = found.names();
        }
        if (dryRun) {
            for (SecretName name : targets) {
                out.println(format.dryRunLine(name));
            }
            out.flush();
            err.println("csms: dry run: " + targets.size() + " secrets would be deleted; nothing was sent.");
            err.flush();
            return ExitCodes.SUCCESS;
        }
        BatchSummary summary = run.deleteBatch(plan.project(), targets, concurrency, rate, r -> {
            out.println(format.line(r));
            out.flush();
            err.println("csms: " + r.toLogLine());
            err.flush();
        });
        int exit = ExitCodes.of(summary.worst());
        err.println("csms: " + summary(summary) + "; exit status " + exit);
        err.flush();
        return exit;
    }

    record Plan(
            ProjectId project,
            List<SecretName> names,
            Endpoint endpoint,
            RunCredentials credentials,
            ClientSettings settings) {}

    /** Validates everything, in the order a person would fix it; sends nothing. */
    Plan plan(PrintWriter err) {
        ProjectId projectId = ProjectId.of(project);
        if (prefix != null && !names.isEmpty()) {
            throw new InvalidInputException("Give --name (one or more) or --prefix, not both.");
        }
        if (prefix == null && names.isEmpty()) {
            throw new InvalidInputException("Give at least one --name NAME, or --prefix PREFIX.");
        }
        if (prefix != null) {
            PrefixTeardown.checkPrefix(prefix);
        }
        if (maxCount < 1 || maxCount > 10_000) {
            throw new InvalidInputException("--max-count " + maxCount + " is invalid: it must be from 1 to 10000.");
        }
        if (concurrency < 1 || concurrency > BatchDeletion.MAX_CONCURRENCY) {
            throw new InvalidInputException("--concurrency " + concurrency + " is invalid: it must be from 1 to "
                    + BatchDeletion.MAX_CONCURRENCY + ".");
        }
        if (!(rate > 0) || rate > BatchDeletion.MAX_RATE) {
            throw new InvalidInputException("--rate " + rate + " is invalid: it must be more than 0 and at most "
                    + (int) BatchDeletion.MAX_RATE + " requests per second.");
        }
        List<SecretName> secretNames = distinctNames(err);
        if (endpoint != null && region != null) {
            throw new InvalidInputException("Give exactly one of --endpoint URL or --region REGION, not both.");
        }
        if (endpoint == null && region == null) {
            throw new InvalidInputException("Give exactly one of --endpoint URL (e.g."
                    + " https://kms.cn-north-4.myhuaweicloud.com) or --region REGION (e.g. cn-north-4).");
        }
        Endpoint csms = endpoint != null ? Endpoint.of(endpoint) : Endpoint.forRegion(region);
        String officialRegion = region != null ? Endpoint.checkRegion(region) : officialRegion(csms);
        ClientSettings settings = settings();
        RunCredentials credential = credentials.resolve(ctx, projectId, officialRegion, settings);
        return new Plan(projectId, secretNames, csms, credential, settings);
    }

    private List<SecretName> distinctNames(PrintWriter err) {
        Set<SecretName> distinct = new LinkedHashSet<>();
        for (String raw : names) {
            SecretName name = SecretName.of(raw);
            if (!distinct.add(name)) {
                err.println("csms delete: --name " + name + " is given more than once; it is deleted once.");
            }
        }
        return List.copyOf(distinct);
    }

    private ClientSettings settings() {
        if (attempts < 1 || attempts > ClientSettings.MAX_ATTEMPTS) {
            throw new InvalidInputException("--attempts " + attempts + " is invalid: it must be from 1 to "
                    + ClientSettings.MAX_ATTEMPTS + ".");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 1800) {
            throw new InvalidInputException(
                    "--timeout " + timeoutSeconds + " is invalid: it must be from 1 to 1800 seconds.");
        }
        Outcome missing;
        try {
            missing = Outcome.parse(ifMissing);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--if-missing: " + e.getMessage());
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Duration perAttempt = timeout.plusSeconds(30); // the call itself plus at most the capped backoff
        Duration deadline = max(Duration.ofMinutes(5), perAttempt.multipliedBy(attempts));
        return ClientSettings.builder()
                .attempts(attempts)
                .connectTimeout(min(Duration.ofSeconds(10), timeout))
                .readTimeout(min(Duration.ofMinutes(10), timeout))
                .callTimeout(timeout)
                .deadline(min(Duration.ofHours(2), deadline))
                .ifMissing(missing)
                .build();
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

    static String summary(BatchSummary summary) {
        List<String> parts = new ArrayList<>();
        if (summary.succeeded() > 0) {
            parts.add(summary.succeeded() + " SUCCESS");
        }
        if (summary.unstable() > 0) {
            parts.add(summary.unstable() + " UNSTABLE");
        }
        if (summary.failed() > 0) {
            parts.add(summary.failed() + " FAILURE");
        }
        String throttled =
                summary.throttledAnswers() > 0 ? " (" + summary.throttledAnswers() + " throttled answers)" : "";
        return summary.total()
                + (summary.total() == 1 ? " secret: " : " secrets: ")
                + String.join(", ", parts)
                + throttled;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
