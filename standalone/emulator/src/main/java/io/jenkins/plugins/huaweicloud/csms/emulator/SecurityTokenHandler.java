package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v3.0/OS-CREDENTIAL/securitytokens} with {@code assume_role}: temporary AK/SK and a security token for
 * a configured agency, to a request signed with a long-term pair of an account the agency trusts.
 */
final class SecurityTokenHandler {
    static final String PATH = "/v3.0/OS-CREDENTIAL/securitytokens";
    static final int MIN_SECONDS = 900;
    static final int MAX_SECONDS = 86_400;

    private final AccessKeyStore keys;
    private final SignedRequestCheck signed;

    SecurityTokenHandler(AccessKeyStore keys, SignedRequestCheck signed) {
        this.keys = keys;
        this.signed = signed;
    }

    void handle(Call call) throws IOException {
        if (!"POST".equals(call.method())) {
            call.responseHeader("Allow", "POST");
            call.json(
                    405, Json.iamError(405, "The method is not allowed for the requested URL.", "Method Not Allowed"));
            return;
        }
        if (!SignedRequestCheck.isSigned(call)) {
            call.json(401, Json.iamError(401, "The request you have made requires authentication.", "Unauthorized"));
            return;
        }
        AccessKeyStore.Pair caller = signed.check(call);
        if (caller == null) {
            return;
        }
        if (caller.temporary()) {
            call.json(403, Json.iamError(403, "Temporary keys cannot assume an agency here.", "Forbidden"));
            return;
        }
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        JsonNode role = body == null ? null : body.path("auth").path("identity").path("assume_role");
        if (role == null || !role.isObject() || !hasMethod(body, "assume_role")) {
            call.json(400, Json.iamError(400, "The request body is invalid.", "Bad Request"));
            return;
        }
        String name = Json.text(role, "agency_name");
        String domainName = Json.text(role, "domain_name");
        String domainId = Json.text(role, "domain_id");
        JsonNode seconds = role.path("duration_seconds");
        long duration = seconds.isMissingNode() ? MIN_SECONDS : seconds.asLong(-1);
        if (name == null
                || (domainName == null) == (domainId == null)
                || !seconds.isMissingNode() && !seconds.isIntegralNumber()
                || duration < MIN_SECONDS
                || duration > MAX_SECONDS) {
            call.json(
                    400,
                    Json.iamError(
                            400,
                            "The request body is invalid: agency_name, one of domain_name or"
                                    + " domain_id, and duration_seconds from 900 to 86400 are required.",
                            "Bad Request"));
            return;
        }
        AccessKeyStore.AgencyGrant agency =
                domainName != null ? keys.agency(domainName, name) : keys.agencyByDomainId(domainId, name);
        if (agency == null || !agency.trusted().equals(caller.domain())) {
            call.json(403, Json.iamError(403, "You do not have permission to assume this agency.", "Forbidden"));
            return;
        }
        AccessKeyStore.Issued issued = keys.issueTemporary(agency, Duration.ofSeconds(duration));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("access", issued.accessKey());
        credential.put("secret", issued.secretKey());
        credential.put("securitytoken", issued.securityToken());
        credential.put("expires_at", TokenStore.IAM_TIME.format(issued.expiresAt()));
        call.json(201, Json.write(Map.of("credential", credential)));
    }

    private static boolean hasMethod(JsonNode body, String method) {
        for (JsonNode m : body.path("auth").path("identity").path("methods")) {
            if (method.equals(m.asText())) {
                return true;
            }
        }
        return false;
    }
}
