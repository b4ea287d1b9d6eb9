package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.huaweicloud.csms.client.BatchDeletion;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.ListingException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.PrefixTeardown;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that runs a deletion for every front end (Pipeline step, build step, post-build action): validates
 * the arguments, resolves defaults and credentials, calls the engine, logs one line per secret and records the rows
 * on the build page. The caller turns the outcome into a build result.
 *
 * <p>Secrets are named one by one ({@code name}, {@code names}: deleted one after the other) or, in the Pipeline
 * step, by a {@code prefix}: the project is listed, and if no more than {@code maxCount} names start with it they are
 * deleted with the engine's {@link BatchDeletion} (bounded concurrency and request rate), or only reported with
 * {@code dryRun}.
 */
final class SecretDeleter {

    static final String LOG_PREFIX = "[Huawei Cloud CSMS] ";

    /** The highest {@code maxCount} a prefix deletion accepts. */
    static final int MAX_PREFIX_COUNT = 10_000;

    private SecretDeleter() {}

    /**
     * What one call did.
     *
     * @param results one result per secret deleted or attempted (for a prefix: sorted by name)
     * @param wouldDelete for a dry run, the names a real run would delete (sorted); otherwise null
     */
    @SuppressFBWarnings(
            value = {"EI_EXPOSE_REP", "EI_EXPOSE_REP2"},
            justification = "both lists are replaced by immutable copies in the compact constructor")
    record Report(
            @NonNull List<DeletionResult> results,
            @CheckForNull List<String> wouldDelete) {
        Report {
            results = List.copyOf(results);
            wouldDelete = wouldDelete == null ? null : List.copyOf(wouldDelete);
        }
    }

    /** The secrets a request names: a list of names, or a prefix with its limit. Validated. */
    private record Target(List<SecretName> names, String prefix, int maxCount, boolean dryRun) {}

    /**
     * Deletes the requested secrets (or, for a dry run, only says which ones a prefix would delete).
     *
     * <p>Everything a job supplies is validated before any credential lookup, and nothing is sent when it is
     * invalid. HTTP and IAM faults during deletions do not throw: they come back as results.
     *
     * @throws AbortException for invalid input, missing, unknown or unsupported credentials, a job-chosen endpoint
     *     without the job's own credentials, a failed listing, or a prefix matching more than {@code maxCount}
     *     secrets (one-line message, never a secret; in each case nothing was deleted)
     * @throws InterruptedException when the build is aborted; the HTTP calls are cancelled
     */
    @NonNull
    static Report run(@NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull DeletionRequest request)
            throws AbortException, InterruptedException {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        ProjectId project;
        Target target;
        Endpoint endpoint;
        ClientSettings settings;
        try {
            project = ProjectId.of(Util.fixEmptyAndTrim(request.project()));
            target = target(request);
            settings = global.settingsFor(request.ifMissing(), request.attempts(), request.timeoutSeconds());
            endpoint = global.resolveEndpoint(request.endpoint(), request.region());
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }

        String credentialsId = request.credentialsId();
        if (credentialsId == null) {
            if (request.overridesEndpoint()) {
                // Never send the administrator's default credential to a host the job chose.
                throw new AbortException(Messages.Deletion_endpointOverrideNeedsCredentials(endpoint.host()));
            }
            credentialsId = global.getCredentialsId();
        }
        if (credentialsId == null) {
            throw new AbortException(Messages.Deletion_credentialsMissing());
        }

        StandardCredentials credentials = CredentialResolver.find(credentialsId, run);
        Endpoint iam;
        try {
            iam = global.resolveIamEndpoint(request.region());
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        String domain = request.iamDomain() != null ? request.iamDomain() : global.getIamDomain();
        TokenSource tokens = CredentialResolver.tokenSource(credentialsId, credentials, project, iam, domain, settings);

        PrintStream log = listener.getLogger();
        CsmsClient client = CsmsClient.builder()
                .endpoint(endpoint)
                .tokenSource(tokens)
                .settings(settings)
                .httpClient(CredentialResolver.proxied())
                .progress(line -> log.println(LOG_PREFIX + line))
                .build();
        if (target.prefix() != null) {
            return byPrefix(run, log, client, project, target, credentialsId);
        }
        log.println(LOG_PREFIX
                + Messages.Deletion_starting(target.names().size(), project.value(), endpoint.host(), credentialsId));
        List<DeletionResult> results = new ArrayList<>(target.names().size());
        try {
            for (SecretName name : target.names()) {
                DeletionResult result = client.delete(project, name);
                results.add(result);
                log.println(LOG_PREFIX + result.toLogLine());
            }
        } finally {
            if (!results.isEmpty()) {
                CsmsDeletionAction.record(run, results);
            }
        }
        return new Report(results, null);
    }

    /** Lists the project, refuses more than maxCount matches, then deletes the matches (or reports a dry run). */
    private static Report byPrefix(
            Run<?, ?> run, PrintStream log, CsmsClient client, ProjectId project, Target target, String credentialsId)
            throws AbortException, InterruptedException {
        String prefix = target.prefix();
        String host = client.endpoint().host();
        log.println(LOG_PREFIX + Messages.Deletion_listing(prefix, project.value(), host, credentialsId));
        PrefixTeardown.Plan plan;
        try {
            plan = PrefixTeardown.plan(client, project, prefix, target.maxCount());
        } catch (ListingException e) {
            throw new AbortException(Messages.Deletion_listingFailed(e.getMessage()));
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        if (plan.skippedInvalid() > 0) {
            log.println(LOG_PREFIX + Messages.Deletion_prefixSkipped(plan.skippedInvalid(), prefix));
        }
        if (plan.overLimit()) {
            throw new AbortException(plan.refusal());
        }
        List<String> names = new ArrayList<>(plan.names().size());
        for (SecretName name : plan.names()) {
            names.add(name.value());
        }
        log.println(LOG_PREFIX + Messages.Deletion_prefixMatched(plan.matched(), prefix, plan.maxCount()));
        if (target.dryRun()) {
            for (String name : names) {
                log.println(LOG_PREFIX + Messages.Deletion_wouldDelete(name));
            }
            log.println(LOG_PREFIX + Messages.Deletion_dryRunDone(names.size()));
            return new Report(List.of(), names);
        }
        if (names.isEmpty()) {
            return new Report(List.of(), null);
        }
        log.println(LOG_PREFIX + Messages.Deletion_starting(names.size(), project.value(), host, credentialsId));
        // The engine calls this from its worker threads, one call at a time.
        List<DeletionResult> done = Collections.synchronizedList(new ArrayList<>(names.size()));
        List<DeletionResult> results;
        try {
            BatchDeletion.of(client).run(project, plan.names(), result -> {
                done.add(result);
                log.println(LOG_PREFIX + result.toLogLine());
            });
        } finally {
            synchronized (done) {
                results = new ArrayList<>(done);
            }
            results.sort(Comparator.comparing(DeletionResult::name));
            if (!results.isEmpty()) {
                CsmsDeletionAction.record(run, results);
            }
        }
        return new Report(results, null);
    }

    /**
     * Deletes and applies the outcome the freestyle way: UNSTABLE sets the build result, FAILURE throws. Used by the
     * build step and the post-build action (also when they run inside a Pipeline).
     */
    static void deleteForBuildStep(
            @NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull DeletionRequest request)
            throws AbortException, InterruptedException {
        List<DeletionResult> results = run(run, listener, request).results();
        Outcome worst = worst(results);
        if (worst == Outcome.FAILURE) {
            throw new AbortException(reason(results));
        }
        if (worst == Outcome.UNSTABLE) {
            String message = reason(results);
            run.setResult(Result.UNSTABLE);
            listener.getLogger().println(LOG_PREFIX + "WARNING: " + message);
        }
    }

    /** The worst outcome of a batch (SUCCESS for none). */
    @NonNull
    static Outcome worst(@NonNull List<DeletionResult> results) {
        return Outcome.worstOf(results.stream().map(DeletionResult::outcome).toList());
    }

    /** A one-line reason for a batch whose worst outcome is UNSTABLE or FAILURE. */
    @NonNull
    static String reason(@NonNull List<DeletionResult> results) {
        Outcome worst = worst(results);
        List<String> names = new ArrayList<>();
        DeletionResult first = null;
        for (DeletionResult r : results) {
            if (r.outcome() == worst) {
                names.add(r.name());
                if (first == null) {
                    first = r;
                }
            }
        }
        if (first == null) {
            return Messages.Deletion_allDeleted(results.size());
        }
        String detail = first.reason()
                + (first.status() != 0 ? " (HTTP " + first.status() : " (no HTTP answer")
                + (first.errorCode() != null ? " " + first.errorCode() : "")
                + (first.requestId() != null ? ", request id " + first.requestId() : "")
                + ")";
        return names.size() == 1
                ? Messages.Deletion_oneSecret(worst, first.name(), detail)
                : Messages.Deletion_severalSecrets(worst, String.join(", ", names), detail);
    }

    /** The value a Pipeline step returns for one result (a serializable ordered map). */
    @NonNull
    static Map<String, Object> toStepValue(@NonNull DeletionResult result) {
        return new LinkedHashMap<>(result.toMap());
    }

    /**
     * Exactly one of name, names and prefix; maxCount and dryRun only with prefix.
     *
     * @throws InvalidInputException otherwise, or for an invalid name, prefix or maxCount
     */
    private static Target target(DeletionRequest request) {
        String name = Util.fixEmptyAndTrim(request.name());
        List<String> list = request.names();
        String prefix = Util.fixEmptyAndTrim(request.prefix());
        List<String> given = new ArrayList<>(3);
        if (name != null) {
            given.add("name");
        }
        if (list != null) {
            given.add("names");
        }
        if (prefix != null) {
            given.add("prefix");
        }
        if (given.size() > 1) {
            throw new InvalidInputException(
                    "Give exactly one of name, names and prefix, not " + String.join(" and ", given) + ".");
        }
        if (given.isEmpty()) {
            throw new InvalidInputException("Secret name is missing: give name (one secret), names (several) or, in a"
                    + " Pipeline, prefix (every secret whose name starts with it).");
        }
        if (prefix == null) {
            if (request.maxCount() != 0 || request.dryRun()) {
                throw new InvalidInputException(
                        "maxCount and dryRun apply only to prefix, not to " + given.get(0) + ".");
            }
            return new Target(secretNames(name, list), null, 0, false);
        }
        PrefixTeardown.checkPrefix(prefix);
        int maxCount = request.maxCount() == 0 ? PrefixTeardown.DEFAULT_MAX_COUNT : request.maxCount();
        if (maxCount < 1 || maxCount > MAX_PREFIX_COUNT) {
            throw new InvalidInputException("maxCount " + request.maxCount() + " is invalid: it must be from 1 to "
                    + MAX_PREFIX_COUNT + " (default " + PrefixTeardown.DEFAULT_MAX_COUNT + ").");
        }
        return new Target(List.of(), prefix, maxCount, request.dryRun());
    }

    private static List<SecretName> secretNames(String name, List<String> list) {
        if (name != null) {
            return List.of(SecretName.of(name));
        }
        if (list.isEmpty()) {
            throw new InvalidInputException("names is empty: give at least one secret name.");
        }
        List<SecretName> names = new ArrayList<>(list.size());
        for (String n : list) {
            names.add(SecretName.of(n == null ? null : n.strip()));
        }
        return names;
    }
}
