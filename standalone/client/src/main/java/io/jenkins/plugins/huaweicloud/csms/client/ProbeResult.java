package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * The answer to a read-only check of endpoint, token and project ({@link CsmsClient#probe}). {@code status} is 0
 * when no HTTP answer came; {@code message} is one sentence, safe to show.
 */
public record ProbeResult(boolean ok, int status, String errorCode, String requestId, String message) {}
