package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /v3/auth/tokens}: password login scoped to a project, answered the way IAM does. */
final class IamHandler {
    static final String PATH = "/v3/auth/tokens";

    private final IamUsers users;
    private final TokenStore tokens;

    IamHandler(IamUsers users, TokenStore tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    void handle(Call call) throws IOException {
        if (!"POST".equals(call.method())) {
            call.responseHeader("Allow", "POST");
            call.json(
                    405, Json.iamError(405, "The method is not allowed for the requested URL.", "Method Not Allowed"));
            return;
        }
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        if (body == null || !isPasswordLogin(body)) {
            call.json(400, Json.iamError(400, "The request body is invalid.", "Bad Request"));
            return;
        }
        String name = Json.text(body, "auth", "identity", "password", "user", "name");
        String password = Json.text(body, "auth", "identity", "password", "user", "password");
        String domain = Json.text(body, "auth", "identity", "password", "user", "domain", "name");
        String projectId = Json.text(body, "auth", "scope", "project", "id");
        if (name == null || password == null || domain == null || projectId == null) {
            call.json(400, Json.iamError(400, "The request body is invalid.", "Bad Request"));
            return;
        }
        switch (users.check(domain, name, password, projectId)) {
            case OK:
                issue(call, projectId);
                return;
            case PROJECT_NOT_ALLOWED:
                call.json(
                        401, Json.iamError(401, "The request you have made requires authentication.", "Unauthorized"));
                return;
            default:
                call.json(401, Json.iamError(401, "The username or password is wrong.", "Unauthorized"));
        }
    }

    private void issue(Call call, String projectId) throws IOException {
        String token = tokens.issue(projectId);
        TokenStore.Grant grant = tokens.grant(token);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("expires_at", TokenStore.IAM_TIME.format(grant.expiresAt()));
        inner.put("issued_at", TokenStore.IAM_TIME.format(grant.issuedAt()));
        inner.put("methods", new String[] {"password"});
        inner.put("project", Map.of("id", projectId));
        call.responseHeader("X-Subject-Token", token);
        call.json(201, Json.write(Map.of("token", inner)));
    }

    private static boolean isPasswordLogin(JsonNode body) {
        JsonNode methods = body.path("auth").path("identity").path("methods");
        if (!methods.isArray()) {
            return false;
        }
        for (JsonNode m : methods) {
            if ("password".equals(m.asText())) {
                return true;
            }
        }
        return false;
    }
}
