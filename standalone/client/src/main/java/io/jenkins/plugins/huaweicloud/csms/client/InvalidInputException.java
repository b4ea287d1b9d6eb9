package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * A value was refused before anything was sent. The message says what is allowed and never repeats a token or
 * password.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
