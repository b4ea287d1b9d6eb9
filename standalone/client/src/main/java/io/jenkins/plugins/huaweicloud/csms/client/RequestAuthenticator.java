package io.jenkins.plugins.huaweicloud.csms.client;

import okhttp3.Request;

/**
 * Authenticates one attempt of a CSMS request: an {@code X-Auth-Token} ({@link TokenAuthenticator}) or an AK/SK
 * signature ({@link AccessKeyAuthenticator}). Called afresh for every attempt, so a retry is never sent with a stale
 * token or date. Each one registers its source's secrets with the run's {@link SecretRedactor} when it is made, and
 * every secret it adds to a request (a minted token, a temporary key's SK and security token) before the request
 * is sent, so a server echoing one back cannot get it into any output.
 */
interface RequestAuthenticator {

    /** The request as it is sent, and the credential it carries (to name it on a rejection). */
    record Authenticated(Request request, Object credential) {}

    /**
     * Adds the credential to a request that is complete otherwise.
     *
     * @throws TokenException when no usable credential can be had; nothing is sent then
     */
    Authenticated authenticate(Request request, ProjectId project) throws TokenException, InterruptedException;

    /** CSMS answered 401 to this attempt: true when one more attempt with a fresh credential is worth it. */
    boolean retryAfterRejection(Authenticated rejected);

    /** What CSMS refused, for a progress line: "the token". */
    String refusedWhat();

    /** The reason of a final 401. */
    String unauthorizedReason(boolean afterRenewal);

    /** What CSMS accepted, for a probe's message: "the token", "the signed request". */
    default String acceptedWhat() {
        return "the token";
    }

    /** What to check after a final 401, for messages that have no room for a whole reason; or null. */
    default String refusalHint() {
        return null;
    }
}
