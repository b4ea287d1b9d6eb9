package io.jenkins.plugins.huaweicloud.csms.client;

/** Listing secrets failed; nothing was deleted. The message is safe to log. */
public final class ListingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String requestId;

    ListingException(String message, int status, String errorCode, String requestId) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** The service's error code, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The last HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public String requestId() {
        return requestId;
    }
}
