package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One secret's deletion (or scheduled deletion, or its cancellation; see {@link SecretOperation}): the attempt loop,
 * its retries and the classification of the last answer.
 */
final class DeletionCall {
    private static final String USER_AGENT = "huaweicloud-csms-jenkins/" + Version.get();

    private final CsmsClient client;
    private final RetryLoop loop;
    private final ClientSettings settings;
    private final ProjectId project;
    private final SecretName name;
    private final SecretOperation operation;
    private final HttpUrl url;

    private boolean reauthenticated;
    private String ambiguousEarlier;

    DeletionCall(CsmsClient client, ProjectId project, SecretName name, Pacer pacer) {
        this(client, project, name, pacer, SecretOperation.DELETE, () -> false);
    }

    DeletionCall(CsmsClient client, ProjectId project, SecretName name, Pacer pacer, SecretOperation operation) {
        this(client, project, name, pacer, operation, () -> false);
    }

    /** A call of a run that may be stopped: once {@code stopping} is true it sends no further request. */
    DeletionCall(
            CsmsClient client,
            ProjectId project,
            SecretName name,
            Pacer pacer,
            SecretOperation operation,
            BooleanSupplier stopping) {
        this.client = client;
        this.operation = operation;
        this.loop = new RetryLoop(client, pacer, client.settings().attempts(), name.value(), stopping);
        this.settings = client.settings();
        this.project = project;
        this.name = name;
        // Built from validated values only, one segment at a time: nothing in a name can change the path.
        this.url = operation.url(client.endpoint(), project, name);
    }

    /**
     * Deletes the secret and says what happened; null only when the run is stopping before a first request was
     * sent (nothing happened, so there is nothing to report).
     */
    DeletionResult run() throws InterruptedException {
        while (true) {
            if (loop.stoppingBeforeFirstAttempt()) {
                return null;
            }
            RequestAuthenticator.Authenticated token;
            try {
                token = client.authenticator()
                        .authenticate(
                                operation
                                        .method(new Request.Builder().url(url))
                                        .header("Accept", "application/json")
                                        .header("User-Agent", USER_AGENT)
                                        .build(),
                                project);
            } catch (TokenException e) {
                return result(ResultKind.TOKEN_ERROR, e.getMessage())
                        .requestId(e.requestId())
                        .build();
            }
            // The authenticator registered what it added (a minted token, a temporary key) with the run's redactor.
            Request request = token.request();
            Duration timeout = loop.beginAttempt();
            if (timeout == null) {
                return null; // stopped while waiting for its turn: never sent
            }
            HttpAnswer answer;
            try {
                answer = HttpExchange.execute(client.http(), request, timeout, settings.maxErrorBodyBytes());
            } catch (IOException e) {
                String what = NetworkFailure.describe(e);
                if (!NetworkFailure.surelyNotSent(e)) {
                    ambiguousEarlier = what;
                }
                String reason = "network error reaching " + client.endpoint().host() + ": " + what;
                if (NetworkFailure.permanent(e)) {
                    return result(ResultKind.NETWORK_ERROR, reason).build();
                }
                String last = loop.retryOrStop(reason, null);
                if (last != null) {
                    return result(ResultKind.NETWORK_ERROR, last).build();
                }
                continue;
            }
            DeletionResult done = classify(answer, token);
            if (done != null) {
                return done;
            }
        }
    }

    /** Returns the final result, or null when another attempt is due (after waiting). */
    private DeletionResult classify(HttpAnswer answer, RequestAuthenticator.Authenticated token)
            throws InterruptedException {
        int status = answer.status();
        Duration retryAfter = loop.answered(answer);
        ErrorBody error = answer.isSuccessful() ? ErrorBody.NONE : ErrorBody.parse(answer.bodyText());
        String requestId = RequestIds.clean(answer.header("X-Request-Id"));
        if (requestId == null) {
            requestId = error.requestId();
        }
        if (answer.isSuccessful()) {
            return answered(operation.done(), operation.doneReason(), answer, error, requestId);
        }
        if (isAbsent(status, error.code())) {
            if (ambiguousEarlier != null && operation.kind() == SecretOperation.Kind.DELETE) {
                return answered(
                        ResultKind.ABSENT_AFTER_RETRY,
                        "deleted by an earlier attempt or already absent: an earlier attempt ended with "
                                + ambiguousEarlier + ", then CSMS answered " + status + " (not found)",
                        answer,
                        error,
                        requestId);
            }
            return answered(
                    ResultKind.ALREADY_ABSENT, "already absent: " + operation.nothingTo(), answer, error, requestId);
        }
        if (status == 401) {
            RequestAuthenticator auth = client.authenticator();
            if (!reauthenticated && auth.retryAfterRejection(token)) {
                reauthenticated = true;
                client.progress()
                        .accept("re-authenticating for " + name + ": CSMS refused " + auth.refusedWhat()
                                + " (HTTP 401)");
                return null;
            }
            String why = auth.unauthorizedReason(reauthenticated);
            return answered(ResultKind.UNAUTHORIZED, why, answer, error, requestId);
        }
        if (status == 403) {
            return answered(
                    ResultKind.FORBIDDEN,
                    "not allowed (HTTP 403): the token's user needs csms:secret:delete in this project, and the"
                            + " token must be scoped to this project",
                    answer,
                    error,
                    requestId);
        }
        if (status >= 300 && status < 400) {
            String to = redirectHost(answer.header("Location"));
            return answered(
                    ResultKind.REDIRECT,
                    "unexpected redirect (HTTP " + status + to + "): not followed, so the token was not sent"
                            + " anywhere else; check the endpoint",
                    answer,
                    error,
                    requestId);
        }
        if (status == 400) {
            DeletionResult lifecycle = lifecycleRefusal(error.code(), answer, error, requestId);
            return lifecycle != null
                    ? lifecycle
                    : answered(ResultKind.REJECTED, "rejected by CSMS (HTTP 400)", answer, error, requestId);
        }
        if (status == 429) {
            return retryOrFinish(ResultKind.THROTTLED, "throttled (HTTP 429)", answer, retryAfter, error, requestId);
        }
        if (status == 500 || status == 502 || status == 503 || status == 504) {
            ambiguousEarlier = "HTTP " + status;
            String from = error.code() == null ? " from " + client.endpoint().host() : "";
            return retryOrFinish(
                    ResultKind.SERVER_ERROR,
                    "server error (HTTP " + status + from + ")",
                    answer,
                    retryAfter,
                    error,
                    requestId);
        }
        return answered(ResultKind.UNEXPECTED_STATUS, "unexpected status HTTP " + status, answer, error, requestId);
    }

    private static boolean isAbsent(int status, String code) {
        return status == 404 || (status == 400 && ("CSMS.0005".equals(code) || "CSMS.0106".equals(code)));
    }

    /**
     * A 400 that says where the secret stands in its deletion lifecycle, or null for any other 400. After an
     * ambiguous earlier attempt, "already pending" on a schedule (or "not pending" on a cancel) most likely means
     * that attempt did the work, just as an absence after an ambiguous delete does.
     */
    private DeletionResult lifecycleRefusal(String code, HttpAnswer answer, ErrorBody error, String requestId) {
        boolean pending = "CSMS.0103".equals(code) || "CSMS.0107".equals(code);
        boolean notPending = "CSMS.0108".equals(code) && operation.kind() == SecretOperation.Kind.CANCEL;
        String earlier = ambiguousEarlier == null
                ? null
                : " by an earlier attempt (it ended with " + ambiguousEarlier + ", then CSMS answered " + code + ")";
        if (pending && operation.kind() == SecretOperation.Kind.SCHEDULE) {
            return earlier != null
                    ? answered(ResultKind.SCHEDULED, "deletion scheduled" + earlier, answer, error, requestId)
                    : answered(
                            ResultKind.PENDING_DELETION,
                            "already pending a scheduled deletion (HTTP 400 " + code + "): nothing changed; its"
                                    + " recovery window was set when it was first scheduled",
                            answer,
                            error,
                            requestId);
        }
        if (pending) {
            return answered(
                    ResultKind.PENDING_DELETION,
                    "not deleted now: the secret is pending a scheduled deletion (HTTP 400 " + code + "); it will be"
                            + " deleted when its recovery window ends, or restore it first and delete it again",
                    answer,
                    error,
                    requestId);
        }
        if (notPending) {
            return earlier != null
                    ? answered(ResultKind.RESTORED, "restored" + earlier, answer, error, requestId)
                    : answered(
                            ResultKind.NOT_SCHEDULED,
                            "nothing to restore: the secret is not pending deletion (HTTP 400 " + code + ")",
                            answer,
                            error,
                            requestId);
        }
        return null;
    }

    private static String redirectHost(String location) {
        if (location == null) {
            return "";
        }
        HttpUrl target = HttpUrl.parse(location);
        return target == null ? "" : " to host " + target.host();
    }

    /** HTTP answers that may be retried: returns null after waiting for the next attempt, or the final result. */
    private DeletionResult retryOrFinish(
            ResultKind kind, String reason, HttpAnswer answer, Duration retryAfter, ErrorBody error, String requestId)
            throws InterruptedException {
        String last = loop.retryOrStop(reason, retryAfter);
        return last == null ? null : answered(kind, last, answer, error, requestId);
    }

    private DeletionResult answered(
            ResultKind kind, String reason, HttpAnswer answer, ErrorBody error, String requestId) {
        return result(kind, reason)
                .status(answer.status())
                .errorCode(error.code())
                .errorMessage(error.message())
                .requestId(requestId)
                .build();
    }

    private DeletionResult.Builder result(ResultKind kind, String reason) {
        Outcome outcome = settings.policy().outcomeFor(kind);
        return DeletionResult.builder()
                .redactor(client.redactor())
                .project(project.value())
                .name(name.value())
                .endpointHost(client.endpoint().host())
                .attempts(loop.attempts())
                .duration(loop.elapsed())
                .kind(kind)
                .outcome(outcome)
                .reason(reason);
    }
}
