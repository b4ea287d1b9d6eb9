package io.jenkins.plugins.huaweicloud.csms.emulator;

/**
 * Error codes the emulator answers with. Codes marked "documented" appear in Huawei's public
 * documentation; the others are the emulator's own plausible choices (see README.md).
 */
public final class ErrorCodes {
    /** 400: invalid parameter, e.g. a secret name outside 1 to 64 of {@code A-Z a-z 0-9 . _ -} (documented). */
    public static final String INVALID_PARAMETER = "CSMS.0002";
    /** 400: invalid request (documented). */
    public static final String INVALID_REQUEST = "CSMS.0003";
    /** 400: invalid or unreadable request body (documented). */
    public static final String INVALID_BODY = "CSMS.0004";
    /** 404 (and some real 400s): the resource does not exist (documented). */
    public static final String NOT_FOUND = "CSMS.0005";
    /** 400: secret name not found, another way CSMS says "absent" (documented, error-code page). */
    public static final String NAME_NOT_FOUND = "CSMS.0106";
    /**
     * 400: the secret is pending a scheduled deletion, so it cannot be deleted immediately or scheduled again
     * (documented as CSMS.0103 / CSMS.0107; the emulator answers CSMS.0107).
     */
    public static final String PENDING_DELETION = "CSMS.0107";
    /** 400: cancel of a scheduled deletion for a secret that is not pending (documented). */
    public static final String NOT_PENDING_DELETION = "CSMS.0108";
    /** 400: a secret with this name already exists (emulator's choice). */
    public static final String ALREADY_EXISTS = "CSMS.0102";
    /** 403: the token's project is not the project in the URL (emulator's choice). */
    public static final String FORBIDDEN = "CSMS.0401";
    /** 500: internal error (emulator's choice). */
    public static final String INTERNAL = "CSMS.0500";
    /** 401: token missing, unknown or expired (documented, API gateway). */
    public static final String TOKEN_INVALID = "APIG.0301";
    /** 429: throttled (documented, API gateway). */
    public static final String THROTTLED = "APIG.0308";
    /** 404: no such API (API gateway). */
    public static final String NO_SUCH_API = "APIG.0101";
    /** 502: backend unavailable (API gateway, emulator's choice of code). */
    public static final String BAD_GATEWAY = "APIG.0202";
    /** 503: backend unavailable (API gateway, emulator's choice of code). */
    public static final String UNAVAILABLE = "APIG.0203";
    /** 504: backend timeout (API gateway, emulator's choice of code). */
    public static final String GATEWAY_TIMEOUT = "APIG.0201";

    private ErrorCodes() {}

    /** The code the emulator sends for a status when nothing more specific applies. */
    public static String defaultFor(int status) {
        switch (status) {
            case 400:
                return INVALID_REQUEST;
            case 401:
                return TOKEN_INVALID;
            case 403:
                return FORBIDDEN;
            case 404:
                return NOT_FOUND;
            case 429:
                return THROTTLED;
            case 502:
                return BAD_GATEWAY;
            case 503:
                return UNAVAILABLE;
            case 504:
                return GATEWAY_TIMEOUT;
            default:
                return status >= 500 ? INTERNAL : INVALID_REQUEST;
        }
    }

    static String defaultMessageFor(int status) {
        switch (status) {
            case 401:
                return "Incorrect IAM authentication information: token expires (injected by emulator)";
            case 404:
                return "The resource does not exist (injected by emulator)";
            case 429:
                return throttledMessage(20);
            default:
                return "HTTP " + status + " injected by emulator";
        }
    }

    static String throttledMessage(int limit) {
        return "The throttling threshold has been reached: policy user over ratelimit, limit:" + limit
                + ", time:1 second";
    }
}
