package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Lists a project's secret names page by page ({@code GET /v1/{project_id}/secrets?limit=&marker=}), handing each
 * name on as it is read. Each page goes through the same {@link RetryLoop} as a deletion (pacer, deadline, backoff):
 * throttling, server errors and network faults are retried; anything else ends the listing with a
 * {@link ListingException}.
 */
public final class SecretLister {
    static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;
    private static final int MAX_PAGES = 100_000;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final CsmsClient client;
    private final Pacer pacer;

    public SecretLister(CsmsClient client) {
        this(client, Pacer.NONE);
    }

    /** A lister whose pages share a batch's pacer, so listing and deleting together keep to one request rate. */
    SecretLister(CsmsClient client, Pacer pacer) {
        this.client = client;
        this.pacer = pacer;
    }

    /** Calls {@code onName} for every secret of the project, in the order CSMS lists them. */
    public void forEachName(ProjectId project, Consumer<String> onName) throws ListingException, InterruptedException {
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = fetchPage(project, marker);
            for (JsonNode secret : body.path("secrets")) {
                String name = secret.path("name").asText(null);
                if (name != null) {
                    onName.accept(name);
                }
            }
            JsonNode next = body.path("page_info").path("next_marker");
            if (!next.isTextual() || next.asText().isEmpty() || next.asText().equals(marker)) {
                return;
            }
            marker = next.asText();
        }
        throw failure("listing stopped after " + MAX_PAGES + " pages", 0, null, null);
    }

    /**
     * Reads one secret name: proves the endpoint answers, the token is accepted and may list this project. One
     * attempt (plus one re-authentication on a 401): a check should say what is wrong now, not retry it away.
     */
    ProbeResult probe(ProjectId project) throws InterruptedException {
        try {
            PageAnswer page = fetchPage(project, null, 1, 1);
            return new ProbeResult(
                    true,
                    page.status(),
                    null,
                    page.requestId(),
                    "CSMS at " + client.endpoint().host() + " accepted "
                            + client.authenticator().acceptedWhat()
                            + " for project " + project.value()
                            + " (HTTP " + page.status() + ")");
        } catch (ListingException e) {
            return new ProbeResult(false, e.status(), e.errorCode(), e.requestId(), e.getMessage());
        }
    }

    private JsonNode fetchPage(ProjectId project, String marker) throws ListingException, InterruptedException {
        return fetchPage(project, marker, PAGE_SIZE, client.settings().attempts())
                .body();
    }

    record PageAnswer(JsonNode body, int status, String requestId) {}

    private PageAnswer fetchPage(ProjectId project, String marker, int limit, int attempts)
            throws ListingException, InterruptedException {
        HttpUrl.Builder url = client.endpoint()
                .urlBuilder()
                .addPathSegment("v1")
                .addPathSegment(project.value())
                .addPathSegment("secrets")
                .addQueryParameter("limit", String.valueOf(limit));
        if (marker != null) {
            url.addQueryParameter("marker", marker);
        }
        return fetchJson(project, url.build(), null, "secrets", attempts);
    }

    /**
     * One listing request through the listing's {@link RetryLoop}: GET {@code url}, or POST {@code postBody} (JSON)
     * to it. The answer must be a JSON object holding the array {@code listField}.
     */
    PageAnswer fetchJson(ProjectId project, HttpUrl pageUrl, String postBody, String listField, int attempts)
            throws ListingException, InterruptedException {
        boolean reauthenticated = false;
        String host = client.endpoint().host();
        RetryLoop loop = new RetryLoop(client, pacer, attempts, "the secret listing");
        while (true) {
            RequestAuthenticator.Authenticated token;
            try {
                token = client.authenticator().authenticate(request(pageUrl, postBody), project);
            } catch (TokenException e) {
                throw failure(e.getMessage(), e.status(), null, e.requestId());
            }
            Request request = token.request();
            Duration timeout = loop.beginAttempt();
            String problem;
            int status = 0;
            String requestId = null;
            Duration retryAfter = null;
            try {
                HttpAnswer answer = HttpExchange.execute(client.http(), request, timeout, MAX_PAGE_BYTES);
                status = answer.status();
                requestId = RequestIds.clean(client.redactor().redact(answer.header("X-Request-Id")));
                retryAfter = loop.answered(answer);
                if (answer.isSuccessful()) {
                    return new PageAnswer(parse(answer, host, listField), status, requestId);
                }
                if (status == 401 && !reauthenticated && client.authenticator().retryAfterRejection(token)) {
                    reauthenticated = true;
                    continue;
                }
                ErrorBody error = ErrorBody.parse(answer.bodyText());
                problem = "HTTP " + status + (error.code() != null ? " " + error.code() : "")
                        + (error.message() != null ? " \"" + error.message() + "\"" : "");
                String hint = status == 401 ? client.authenticator().refusalHint() : null;
                if (hint != null) {
                    problem += "; " + hint;
                }
                boolean retryable = status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
                if (!retryable) {
                    throw failure(message(host, problem, requestId), status, error.code(), requestId);
                }
            } catch (IOException e) {
                problem = NetworkFailure.describe(e);
                if (NetworkFailure.permanent(e)) {
                    throw failure(message(host, problem, null), 0, null, null);
                }
            }
            String last = loop.retryOrStop(problem, retryAfter);
            if (last != null) {
                throw failure(message(host, last, requestId), status, null, requestId);
            }
        }
    }

    /** A GET of {@code url}, or a POST of the JSON {@code postBody} to it; the authenticator adds the credential. */
    private static Request request(HttpUrl url, String postBody) {
        Request.Builder builder = new Request.Builder().url(url);
        if (postBody == null) {
            builder.get();
        } else {
            builder.post(RequestBody.create(postBody, JSON));
        }
        return builder.header("Accept", "application/json").build();
    }

    /** Every listing failure leaves here, its message, code and request id redacted. */
    private ListingException failure(String message, int status, String errorCode, String requestId) {
        SecretRedactor redactor = client.redactor();
        return new ListingException(
                redactor.redact(message),
                status,
                redactor.redact(errorCode),
                RequestIds.clean(redactor.redact(requestId)));
    }

    private JsonNode parse(HttpAnswer answer, String host, String listField) throws ListingException {
        try {
            JsonNode body = Json.mapper().readTree(answer.bodyText());
            if (body != null && body.path(listField).isArray()) {
                return body;
            }
        } catch (IOException e) {
            // reported below
        }
        throw failure(
                "listing secrets at " + host + " returned a body without a \"" + listField + "\" list",
                answer.status(),
                null,
                null);
    }

    private static String message(String host, String problem, String requestId) {
        return "listing secrets at " + host + " failed: " + problem
                + (requestId != null ? ", request id " + requestId : "");
    }
}
