package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * A deletion job stopped before deleting anything: the listing failed, or a prefix matched more secrets than its
 * maximum. The message is one line, safe to log, and says that nothing was deleted.
 */
public final class DeletionRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    DeletionRefusedException(String message) {
        super(message);
    }
}
