package io.jenkins.plugins.huaweicloud.csms.client;

/** What happened to one deletion, before the policy turns it into an {@link Outcome}. */
public enum ResultKind {
    /** 2xx: the secret was deleted. */
    DELETED("deleted"),
    /** 404, or 400 with CSMS.0005 / CSMS.0106: there was nothing to delete. */
    ALREADY_ABSENT("already absent"),
    /** Absent on a retry after an earlier attempt failed ambiguously: most likely deleted by that attempt. */
    ABSENT_AFTER_RETRY("deleted by an earlier attempt or already absent"),
    /** 2xx on a scheduled deletion: the secret is pending deletion after its recovery window. */
    SCHEDULED("deletion scheduled"),
    /** 2xx on a cancel: the scheduled deletion was cancelled, the secret is back. */
    RESTORED("restored"),
    /** 400 CSMS.0108 on a cancel: the secret was not pending deletion, nothing was restored. */
    NOT_SCHEDULED("not pending deletion"),
    /**
     * 400 CSMS.0103 / CSMS.0107: the secret is already pending a scheduled deletion, so it was neither deleted now
     * nor scheduled again.
     */
    PENDING_DELETION("pending a scheduled deletion"),
    /** 400 with any other code: the request was refused. */
    REJECTED("rejected by CSMS"),
    /** 401, after one re-authentication where possible. */
    UNAUTHORIZED("not authenticated"),
    /** 403: the token's user may not delete this secret. */
    FORBIDDEN("not allowed"),
    /** 429 after the last attempt. */
    THROTTLED("throttled"),
    /** 500, 502, 503 or 504 after the last attempt. */
    SERVER_ERROR("server error"),
    /** Timeout, reset, refused connection or TLS failure after the last attempt. */
    NETWORK_ERROR("network error"),
    /** 3xx: never followed, because the token would travel with it. */
    REDIRECT("unexpected redirect"),
    /** Any other status. */
    UNEXPECTED_STATUS("unexpected status"),
    /** No token could be had (IAM refused, or the credential is unusable). */
    TOKEN_ERROR("no token");

    private final String words;

    ResultKind(String words) {
        this.words = words;
    }

    /** A short phrase for log lines. */
    public String words() {
        return words;
    }
}
