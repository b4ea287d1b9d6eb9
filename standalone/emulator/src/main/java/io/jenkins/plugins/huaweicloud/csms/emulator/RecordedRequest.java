package io.jenkins.plugins.huaweicloud.csms.emulator;

/**
 * One request the emulator answered (or dropped), as tests see it. Holds whether an {@code
 * X-Auth-Token} header was present, never its value.
 *
 * @param method the HTTP method, e.g. {@code DELETE}
 * @param path the raw request path, e.g. {@code /v1/0123.../secrets/pr-42-db}
 * @param query the raw query string, or {@code null}
 * @param authTokenPresent whether the request carried an {@code X-Auth-Token} header
 * @param status the status answered, or 0 when the connection was dropped without an answer
 */
public record RecordedRequest(String method, String path, String query, boolean authTokenPresent, int status) {}
