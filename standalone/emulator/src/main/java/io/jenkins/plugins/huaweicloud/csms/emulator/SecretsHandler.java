package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /v1/{project_id}/secrets[/{name}]}. Checks run in the order a gateway in front of CSMS
 * would apply them: rate limit, route, token, project, random errors, then the name and its
 * scripted faults, and only then the store.
 */
final class SecretsHandler {
    static final Pattern SECRET_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final int MAX_SECRET_CHARS = 32 * 1024;
    private static final String IAM_MESSAGE = "Incorrect IAM authentication information: ";

    /** An answer computed before deciding whether to send it (a fault may drop it instead). */
    private record Answer(int status, byte[] body) {}

    private final SecretStore secrets;
    private final TokenStore tokens;
    private final FaultPlan faults;
    private final RateLimiter rateLimiter;
    private final SignedRequestCheck signed;

    SecretsHandler(
            SecretStore secrets,
            TokenStore tokens,
            FaultPlan faults,
            RateLimiter rateLimiter,
            SignedRequestCheck signed) {
        this.secrets = secrets;
        this.tokens = tokens;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.signed = signed;
    }

    void handle(Call call) throws IOException, InterruptedException {
        if (!rateLimiter.tryAcquire()) {
            call.csmsError(429, ErrorCodes.THROTTLED, ErrorCodes.throttledMessage(rateLimiter.limit()), 1);
            return;
        }
        String[] parts = call.path().split("/", -1);
        // "", "v1", project, "secrets"[, name]
        boolean collection = parts.length == 4 && "secrets".equals(parts[3]);
        boolean item = parts.length == 5 && "secrets".equals(parts[3]);
        if (!collection && !item) {
            call.csmsError(404, ErrorCodes.NO_SUCH_API, "The API does not exist or has not been published");
            return;
        }
        String projectId = parts[2];
        if (!authorized(call, projectId)) {
            return;
        }
        int randomError = faults.nextRandomError();
        if (randomError != 0) {
            call.csmsError(randomError, ErrorCodes.defaultFor(randomError), "Random error injected by emulator");
            return;
        }
        if (collection) {
            handleCollection(call, projectId);
        } else {
            handleItem(call, projectId, parts[4]);
        }
    }

    /** Answers 401 or 403 and returns {@code false} unless the token or signature is valid for the project. */
    private boolean authorized(Call call, String projectId) throws IOException {
        String token = call.header("X-Auth-Token");
        if ((token == null || token.isEmpty()) && SignedRequestCheck.isSigned(call)) {
            return signedFor(call, projectId);
        }
        if (token == null || token.isEmpty()) {
            call.csmsError(401, ErrorCodes.TOKEN_INVALID, IAM_MESSAGE + "x-auth-token not found");
            return false;
        }
        TokenStore.Grant grant = tokens.grant(token);
        if (grant == null) {
            call.csmsError(401, ErrorCodes.TOKEN_INVALID, IAM_MESSAGE + "decrypt token fail");
            return false;
        }
        if (tokens.isExpired(grant)) {
            call.csmsError(
                    401,
                    ErrorCodes.TOKEN_INVALID,
                    IAM_MESSAGE + "token expires, expires_at " + TokenStore.IAM_TIME.format(grant.expiresAt()));
            return false;
        }
        if (!grant.projectId().equals(projectId)) {
            call.csmsError(403, ErrorCodes.FORBIDDEN, "The token is not scoped to the project in the request path");
            return false;
        }
        return true;
    }

    /** An AK/SK-signed request: a valid signature, and a pair whose account has the path's project. */
    private boolean signedFor(Call call, String projectId) throws IOException {
        AccessKeyStore.Pair pair = signed.check(call);
        if (pair == null) {
            return false;
        }
        String projectHeader = call.header("X-Project-Id");
        if (projectHeader != null && !projectHeader.equals(projectId)) {
            call.csmsError(
                    403,
                    ErrorCodes.FORBIDDEN,
                    "The X-Project-Id header does not match the project in the request path");
            return false;
        }
        if (!pair.projects().contains(projectId)) {
            call.csmsError(403, ErrorCodes.FORBIDDEN, "The access key's account has no such project");
            return false;
        }
        return true;
    }

    private void handleCollection(Call call, String projectId) throws IOException, InterruptedException {
        switch (call.method()) {
            case "GET":
                send(call, list(projectId, call.query()));
                return;
            case "POST":
                create(call, projectId);
                return;
            default:
                call.responseHeader("Allow", "GET, POST");
                call.csmsError(405, ErrorCodes.INVALID_REQUEST, "Method not allowed");
        }
    }

    private void handleItem(Call call, String projectId, String name) throws IOException, InterruptedException {
        if (!SECRET_NAME.matcher(name).matches()) {
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, "Invalid secret_name: must match ^[a-zA-Z0-9_-]{1,64}$");
            return;
        }
        String method = call.method();
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            call.responseHeader("Allow", "GET, DELETE");
            call.csmsError(405, ErrorCodes.INVALID_REQUEST, "Method not allowed");
            return;
        }
        Fault fault = faults.take(name, method);
        if (fault != null && !preApply(call, fault)) {
            return;
        }
        Answer answer = "GET".equals(method) ? show(projectId, name) : delete(projectId, name);
        finish(call, fault, answer);
    }

    private void create(Call call, String projectId) throws IOException, InterruptedException {
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        if (body == null || !body.isObject()) {
            call.csmsError(400, ErrorCodes.INVALID_BODY, "The request body is not valid JSON");
            return;
        }
        String name = Json.text(body, "name");
        String value = Json.text(body, "secret_string");
        if (name == null || !SECRET_NAME.matcher(name).matches()) {
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, "Invalid name: must match ^[a-zA-Z0-9_-]{1,64}$");
            return;
        }
        if (value == null || value.isEmpty() || value.length() > MAX_SECRET_CHARS) {
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, "Invalid secret_string: 1 to 32768 characters");
            return;
        }
        Fault fault = faults.take(name, "POST");
        if (fault != null && !preApply(call, fault)) {
            return;
        }
        SecretStore.Secret created = secrets.create(projectId, name, value);
        Answer answer = created == null
                ? error(400, ErrorCodes.ALREADY_EXISTS, "The secret already exists: " + name)
                : new Answer(200, Json.write(Map.of("secret", describe(created))));
        finish(call, fault, answer);
    }

    /**
     * Applies the part of a scripted fault that comes before the real work.
     *
     * @return {@code true} when the request should go on to the store
     */
    private static boolean preApply(Call call, Fault fault) throws IOException, InterruptedException {
        sleep(fault.delay());
        switch (fault.kind()) {
            case STATUS:
                if (fault.status() < 300) {
                    call.empty(fault.status());
                } else {
                    call.csmsError(
                            fault.status(),
                            fault.effectiveErrorCode(),
                            fault.effectiveMessage(),
                            fault.retryAfterSeconds());
                }
                return false;
            case DROP:
                call.drop();
                return false;
            default:
                return true;
        }
    }

    private static void finish(Call call, Fault fault, Answer answer) throws IOException {
        if (fault != null && fault.kind() == Fault.Kind.APPLY_THEN_DROP) {
            call.drop();
        } else {
            send(call, answer);
        }
    }

    private Answer show(String projectId, String name) {
        SecretStore.Secret secret = secrets.get(projectId, name);
        return secret == null
                ? error(404, ErrorCodes.NOT_FOUND, "The secret does not exist: " + name)
                : new Answer(200, Json.write(Map.of("secret", describe(secret))));
    }

    private Answer delete(String projectId, String name) {
        return secrets.delete(projectId, name)
                ? new Answer(200, null)
                : error(404, ErrorCodes.NOT_FOUND, "The secret does not exist: " + name);
    }

    private Answer list(String projectId, String rawQuery) {
        Map<String, String> query = Query.parse(rawQuery);
        int limit = DEFAULT_LIMIT;
        String rawLimit = query.get("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                return error(400, ErrorCodes.INVALID_PARAMETER, "Invalid limit: 1 to " + MAX_LIMIT);
            }
        }
        String marker = query.get("marker");
        if (marker != null && !SECRET_NAME.matcher(marker).matches()) {
            return error(400, ErrorCodes.INVALID_PARAMETER, "Invalid marker");
        }
        SecretStore.Page page = secrets.list(projectId, limit, marker);
        List<Map<String, Object>> items = new ArrayList<>();
        for (SecretStore.Secret s : page.items()) {
            items.add(describe(s));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("next_marker", page.nextMarker());
        pageInfo.put("current_count", items.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secrets", items);
        body.put("page_info", pageInfo);
        return new Answer(200, Json.write(body));
    }

    /** The metadata CSMS shows for a secret; never its value. */
    private static Map<String, Object> describe(SecretStore.Secret s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("state", s.state());
        out.put("secret_type", "COMMON");
        out.put("description", "");
        out.put("create_time", s.createTime());
        out.put("update_time", s.createTime());
        out.put("scheduled_delete_time", null);
        return out;
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, Json.csmsError(code, message));
    }

    private static void send(Call call, Answer answer) throws IOException {
        if (answer.body() == null) {
            call.empty(answer.status());
        } else {
            call.json(answer.status(), answer.body());
        }
    }

    static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    }
}
