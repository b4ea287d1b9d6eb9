package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** One secret's deletion: the attempt loop, its retries and the classification of the last answer. */
final class DeletionCall {
    private static final String USER_AGENT = "huaweicloud-csms-jenkins/" + Version.get();

    private final CsmsClient client;
    private final RetryLoop loop;
    private final ClientSettings settings;
    private final ProjectId project;
    private final SecretName name;
    private final HttpUrl url;

    private boolean reauthenticated;
    private String ambiguousEarlier;

    DeletionCall(CsmsClient client, ProjectId project, SecretName name, Pacer pacer) {
        this.client = client;
        this.loop = new RetryLoop(client, pacer, client.settings().attempts(), name.value());
        this.settings = client.settings();
        this.project = project;
        this.name = name;
        // Built from validated values only, one segment at a time: nothing in a name can change the path.
        this.url = client.endpoint()
                .urlBuilder()
                .addPathSegment("v1")
                .addPathSegment(project.value())
                .addPathSegment("secrets")
                .addPathSegment(name.value())
                .build();
    }

    DeletionResult run() throws InterruptedException {
        while (true) {
            RequestAuthenticator.Authenticated token;
            try {
                token = client.authenticator()
                        .authenticate(
                                new Request.Builder()
                                        .url(url)
                                        .delete()
                                        .header("Accept", "application/json")
                                        .header("User-Agent", USER_AGENT)
                                        .build(),
                                project);
            } catch (TokenException e) {
                return result(ResultKind.TOKEN_ERROR, e.getMessage())
                        .requestId(e.requestId())
                        .build();
            }
            Request request = token.request();
            Duration timeout = loop.beginAttempt();
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
        ErrorBody error = answer.isSuccessful()
                ? ErrorBody.NONE
                : ErrorBody.parse(client.authenticator().redact(answer.bodyText()));
        String requestId = RequestIds.clean(answer.header("X-Request-Id"));
        if (requestId == null) {
            requestId = error.requestId();
        }
        if (answer.isSuccessful()) {
            return answered(ResultKind.DELETED, "deleted", answer, error, requestId);
        }
        if (isAbsent(status, error.code())) {
            if (ambiguousEarlier != null) {
                return answered(
                        ResultKind.ABSENT_AFTER_RETRY,
                        "deleted by an earlier attempt or already absent: an earlier attempt ended with "
                                + ambiguousEarlier + ", then CSMS answered " + status + " (not found)",
                        answer,
                        error,
                        requestId);
            }
            return answered(
                    ResultKind.ALREADY_ABSENT, "already absent: there was nothing to delete", answer, error, requestId);
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
            return answered(ResultKind.REJECTED, rejectedReason(error.code()), answer, error, requestId);
        }
        if (status == 429) {
            return retryOrFinish(ResultKind.THROTTLED, "throttled (HTTP 429)", answer, retryAfter, error, requestId);
        }
        if (status == 500 || status == 502 || status == 503 || status == 504) {
            ambiguousEarlier = "HTTP " + status;
            String from = error.message() == null && error.code() == null
                    ? " from " + client.endpoint().host()
                    : "";
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

    private static String rejectedReason(String code) {
        if ("CSMS.0103".equals(code) || "CSMS.0107".equals(code)) {
            return "rejected (HTTP 400): the secret is pending a scheduled deletion; cancel that first or let it run";
        }
        return "rejected by CSMS (HTTP 400)";
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
