package io.jenkins.plugins.huaweicloud.csms.emulator;

/**
 * How the emulator says "no such secret" (show, delete, scheduled deletion, cancel). Huawei's documents disagree: the
 * delete page's table shows 404 {@code CSMS.0005}; the error-code page lists {@code CSMS.0005} and {@code CSMS.0106}
 * as 400. A client must take all three as "already absent", so the emulator can answer each way.
 */
public enum AbsentAnswer {
    /** 404 {@code CSMS.0005} (the default, as the delete page shows). */
    NOT_FOUND_404(404, ErrorCodes.NOT_FOUND),
    /** 400 {@code CSMS.0005} "the resource does not exist". */
    BAD_REQUEST_CSMS_0005(400, ErrorCodes.NOT_FOUND),
    /** 400 {@code CSMS.0106} "secret name not found". */
    BAD_REQUEST_CSMS_0106(400, ErrorCodes.NAME_NOT_FOUND);

    private final int status;
    private final String code;

    AbsentAnswer(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
