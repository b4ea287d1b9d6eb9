package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that runs a deletion for every front end (Pipeline step, build step, post-build action): validates
 * the arguments, resolves defaults and credentials, calls the engine, logs one line per secret and records the rows
 * on the build page. The caller turns the outcome into a build result.
 */
final class SecretDeleter {

    static final String LOG_PREFIX = "[Huawei Cloud CSMS] ";

    private SecretDeleter() {}

    /**
     * Deletes the requested secrets.
     *
     * <p>Everything a job supplies is validated before any credential lookup, and nothing is sent when it is
     * invalid. HTTP and IAM faults do not throw: they come back as results.
     *
     * @return one result per secret, in the order given
     * @throws AbortException for invalid input, missing, unknown or unsupported credentials, or a job-chosen
     *     endpoint without the job's own credentials (one-line message, never a secret)
     * @throws InterruptedException when the build is aborted; the HTTP call is cancelled
     */
    @NonNull
    static List<DeletionResult> delete(
            @NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull DeletionRequest request)
            throws AbortException, InterruptedException {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        ProjectId project;
        List<SecretName> names;
        Endpoint endpoint;
        ClientSettings settings;
        try {
            project = ProjectId.of(Util.fixEmptyAndTrim(request.project()));
            names = secretNames(request);
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
        log.println(
                LOG_PREFIX + Messages.Deletion_starting(names.size(), project.value(), endpoint.host(), credentialsId));
        CsmsClient client = CsmsClient.builder()
                .endpoint(endpoint)
                .tokenSource(tokens)
                .settings(settings)
                .httpClient(CredentialResolver.proxied())
                .progress(line -> log.println(LOG_PREFIX + line))
                .build();
        List<DeletionResult> results = new ArrayList<>(names.size());
        try {
            for (SecretName name : names) {
                DeletionResult result = client.delete(project, name);
                results.add(result);
                log.println(LOG_PREFIX + result.toLogLine());
            }
        } finally {
            if (!results.isEmpty()) {
                CsmsDeletionAction.record(run, results);
            }
        }
        return results;
    }

    /**
     * Deletes and applies the outcome the freestyle way: UNSTABLE sets the build result, FAILURE throws. Used by the
     * build step and the post-build action (also when they run inside a Pipeline).
     */
    static void deleteForBuildStep(
            @NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull DeletionRequest request)
            throws AbortException, InterruptedException {
        List<DeletionResult> results = delete(run, listener, request);
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
        Outcome worst = Outcome.SUCCESS;
        for (DeletionResult r : results) {
            worst = worst.worse(r.outcome());
        }
        return worst;
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

    private static List<SecretName> secretNames(DeletionRequest request) {
        String name = Util.fixEmptyAndTrim(request.name());
        List<String> list = request.names();
        if (name != null && list != null) {
            throw new InvalidInputException("Give either name or names, not both.");
        }
        if (name == null && list == null) {
            throw new InvalidInputException("Secret name is missing: give name (one secret) or names (several).");
        }
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
