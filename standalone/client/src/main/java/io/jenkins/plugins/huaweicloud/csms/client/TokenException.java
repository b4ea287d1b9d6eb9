package io.jenkins.plugins.huaweicloud.csms.client;

/** No token could be obtained. The message is safe to log: it never holds a token or a password. */
public final class TokenException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String requestId;

    public TokenException(String message) {
        this(message, 0, null);
    }

    public TokenException(String message, int status, String requestId) {
        super(message);
        this.status = status;
        this.requestId = requestId;
    }

    /** The HTTP status IAM answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** IAM's request id, or null. */
    public String requestId() {
        return requestId;
    }
}
