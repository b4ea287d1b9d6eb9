package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Outcome;

/** The exit status of {@code csms}: the worst outcome of the batch, or 2 when nothing was sent. */
public final class ExitCodes {
    /** Every secret's outcome is SUCCESS. */
    public static final int SUCCESS = 0;
    /** At least one FAILURE (or the command could not run). */
    public static final int FAILURE = 1;
    /** Invalid arguments or input: nothing was sent. */
    public static final int INVALID_INPUT = 2;
    /** The worst outcome is UNSTABLE. */
    public static final int UNSTABLE = 3;
    /** Stopped by SIGINT (128 + 2, the shells' convention). */
    public static final int SIGINT = 130;
    /** Stopped by SIGTERM (128 + 15). */
    public static final int SIGTERM = 143;

    private ExitCodes() {}

    public static int of(Outcome worst) {
        return switch (worst) {
            case SUCCESS -> SUCCESS;
            case UNSTABLE -> UNSTABLE;
            case FAILURE -> FAILURE;
        };
    }
}
