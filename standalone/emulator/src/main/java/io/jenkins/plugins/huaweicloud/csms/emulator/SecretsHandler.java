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
    /** 1 to 64 of {@code A-Z a-z 0-9 . _ -} (the console allows periods), but not only periods (dot-segments). */
    static final Pattern SECRET_NAME = Pattern.compile("^(?!\\.+$)[a-zA-Z0-9._-]{1,64}$");

    static final String NAME_RULE = "1 to 64 of A-Z a-z 0-9 . _ -, not only periods";
    static final int DEFAULT_LIMIT = 50;
    /** The list limit the current docs allow (it was 200). */
    static final int MAX_LIMIT = 1000;

    static final int MIN_RECOVERY_DAYS = 7;
    static final int MAX_RECOVERY_DAYS = 30;
    /** The window CSMS uses when a scheduled deletion names none. */
    static final int DEFAULT_RECOVERY_DAYS = 30;

    private static final int MAX_DESCRIPTION_CHARS = 2048;
    private static final int MAX_KMS_KEY_ID_CHARS = 64;
    private static final java.util.Set<String> SECRET_TYPES = java.util.Set.of("COMMON", "RDS-FG", "GaussDB-FG");
    private static final int MAX_SECRET_CHARS = 32 * 1024;
    private static final String IAM_MESSAGE = "Incorrect IAM authentication information: ";

    /** An answer computed before deciding whether to send it (a fault may drop it instead). */
    record Answer(int status, byte[] body) {}

    private final SecretStore secrets;
    private final TokenStore tokens;
    private final FaultPlan faults;
    private final RateLimiter rateLimiter;
    private final SignedRequestCheck signed;
    private final AbsentAnswers absent;
    private final TagsHandler tags;

    SecretsHandler(
            SecretStore secrets,
            TokenStore tokens,
            FaultPlan faults,
            RateLimiter rateLimiter,
            SignedRequestCheck signed,
            AbsentAnswers absent) {
        this.secrets = secrets;
        this.absent = absent;
        this.tags = new TagsHandler(secrets);
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
        ApiRoute route = ApiRoute.of(parts);
        if (route == null) {
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
        switch (route) {
            case SECRETS -> handleCollection(call, projectId);
            case SECRET -> handleItem(call, projectId, parts[4]);
            case SCHEDULE_DELETION, CANCEL_DELETION ->
                handleScheduled(call, projectId, parts[4], route == ApiRoute.SCHEDULE_DELETION);
            default -> tags.handle(call, projectId, route, parts);
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
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, "Invalid secret_name: " + NAME_RULE);
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

    /** Scheduled deletion (create, with an optional window) or its cancellation, by secret name. */
    private void handleScheduled(Call call, String projectId, String name, boolean schedule)
            throws IOException, InterruptedException {
        if (!SECRET_NAME.matcher(name).matches()) {
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, "Invalid secret_name: " + NAME_RULE);
            return;
        }
        if (!"POST".equals(call.method())) {
            call.responseHeader("Allow", "POST");
            call.csmsError(405, ErrorCodes.INVALID_REQUEST, "Method not allowed");
            return;
        }
        int days = DEFAULT_RECOVERY_DAYS;
        if (schedule) {
            JsonNode body = Json.readOptional(call.exchange().getRequestBody());
            if (body == null || !(body.isObject() || body.isMissingNode())) {
                call.csmsError(400, ErrorCodes.INVALID_BODY, "The request body is not valid JSON");
                return;
            }
            JsonNode window = body.path("recovery_window_in_days");
            if (!window.isMissingNode() && !window.isNull()) {
                if (!window.isIntegralNumber()
                        || window.asLong() < MIN_RECOVERY_DAYS
                        || window.asLong() > MAX_RECOVERY_DAYS) {
                    call.csmsError(
                            400,
                            ErrorCodes.INVALID_PARAMETER,
                            "Invalid recovery_window_in_days: " + MIN_RECOVERY_DAYS + " to " + MAX_RECOVERY_DAYS);
                    return;
                }
                days = window.asInt();
            }
        }
        Fault fault = faults.take(name, "POST");
        if (fault != null && !preApply(call, fault)) {
            return;
        }
        SecretStore.Change change =
                schedule ? secrets.scheduleDeletion(projectId, name, days) : secrets.cancelDeletion(projectId, name);
        Answer answer =
                switch (change.status()) {
                    case DONE -> new Answer(200, Json.write(Map.of("secret", describe(change.secret()))));
                    case ABSENT -> absent(name);
                    case PENDING -> pending(name);
                    case NOT_PENDING ->
                        error(
                                400,
                                ErrorCodes.NOT_PENDING_DELETION,
                                "The secret is not pending deletion, there is nothing to cancel: " + name);
                };
        finish(call, fault, answer);
    }

    private void create(Call call, String projectId) throws IOException, InterruptedException {
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        if (body == null || !body.isObject()) {
            call.csmsError(400, ErrorCodes.INVALID_BODY, "The request body is not valid JSON");
            return;
        }
        String name = Json.text(body, "name");
        if (name == null || !SECRET_NAME.matcher(name).matches()) {
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, "Invalid name: " + NAME_RULE);
            return;
        }
        String invalid = invalidCreateField(body);
        if (invalid != null) {
            call.csmsError(400, ErrorCodes.INVALID_PARAMETER, invalid);
            return;
        }
        String text = Json.text(body, "secret_string");
        String value = text != null ? text : Json.text(body, "secret_binary");
        SecretStore.NewSecret spec = new SecretStore.NewSecret(
                name,
                value,
                Json.text(body, "secret_type"),
                Json.text(body, "description"),
                Json.text(body, "kms_key_id"));
        Fault fault = faults.take(name, "POST");
        if (fault != null && !preApply(call, fault)) {
            return;
        }
        SecretStore.Secret created = secrets.create(projectId, spec);
        Answer answer = created == null
                ? error(400, ErrorCodes.ALREADY_EXISTS, "The secret already exists: " + name)
                : new Answer(200, Json.write(Map.of("secret", describe(created))));
        finish(call, fault, answer);
    }

    /** Why the optional fields of a create are refused, or {@code null} when they are fine. */
    private static String invalidCreateField(JsonNode body) {
        String text = Json.text(body, "secret_string");
        String binary = Json.text(body, "secret_binary");
        if ((text == null) == (binary == null)) {
            return "Give exactly one of secret_string or secret_binary";
        }
        if (text != null && (text.isEmpty() || text.length() > MAX_SECRET_CHARS)) {
            return "Invalid secret_string: 1 to 32768 characters";
        }
        if (binary != null) {
            try {
                byte[] decoded = java.util.Base64.getDecoder().decode(binary);
                if (decoded.length == 0 || decoded.length > MAX_SECRET_CHARS) {
                    return "Invalid secret_binary: base64 of 1 to 32768 bytes";
                }
            } catch (IllegalArgumentException e) {
                return "Invalid secret_binary: it must be base64";
            }
        }
        if (!optionalText(body, "description", MAX_DESCRIPTION_CHARS)) {
            return "Invalid description: at most " + MAX_DESCRIPTION_CHARS + " characters";
        }
        if (!optionalText(body, "kms_key_id", MAX_KMS_KEY_ID_CHARS) || "".equals(Json.text(body, "kms_key_id"))) {
            return "Invalid kms_key_id: 1 to " + MAX_KMS_KEY_ID_CHARS + " characters";
        }
        String type = Json.text(body, "secret_type");
        if (body.has("secret_type") && (type == null || !SECRET_TYPES.contains(type))) {
            return "Invalid secret_type: COMMON, RDS-FG or GaussDB-FG";
        }
        return null;
    }

    private static boolean optionalText(JsonNode body, String field, int maxChars) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || (v.isTextual() && v.asText().length() <= maxChars);
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
                } else if (fault.echoesToken()) {
                    String token = String.valueOf(call.header("X-Auth-Token"));
                    call.echoRequestId(token);
                    call.csmsError(
                            fault.status(),
                            fault.effectiveErrorCode(),
                            fault.effectiveMessage() + ": " + token,
                            fault.retryAfterSeconds());
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
        return secret == null ? absent(name) : new Answer(200, Json.write(Map.of("secret", describe(secret))));
    }

    private Answer delete(String projectId, String name) {
        SecretStore.Change change = secrets.deleteNow(projectId, name);
        return switch (change.status()) {
            case DONE -> new Answer(200, null);
            case PENDING -> pending(name);
            default -> absent(name);
        };
    }

    private Answer absent(String name) {
        AbsentAnswer how = absent.answerFor(name);
        String message = ErrorCodes.NAME_NOT_FOUND.equals(how.code())
                ? "Secret name not found: " + name
                : "The secret does not exist: " + name;
        return error(how.status(), how.code(), message);
    }

    private static Answer pending(String name) {
        return error(
                400,
                ErrorCodes.PENDING_DELETION,
                "The secret is pending a scheduled deletion; cancel it first to change or delete it: " + name);
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
        // Emulator's choice, undocumented: the marker this page was asked with (null on the first page).
        pageInfo.put("previous_marker", marker);
        pageInfo.put("current_count", items.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secrets", items);
        body.put("page_info", pageInfo);
        return new Answer(200, Json.write(body));
    }

    /**
     * The metadata CSMS shows for a secret; never its value. No rotation is emulated, so the rotation fields say so:
     * {@code auto_rotation} false and the others null.
     */
    static Map<String, Object> describe(SecretStore.Secret s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("state", s.state());
        out.put("kms_key_id", s.kmsKeyId());
        out.put("description", s.description());
        out.put("create_time", s.createTime());
        out.put("update_time", s.updateTime());
        out.put("scheduled_delete_time", s.scheduledDeleteTime());
        out.put("secret_type", s.secretType());
        out.put("auto_rotation", false);
        out.put("rotation_period", null);
        out.put("rotation_config", null);
        out.put("rotation_time", null);
        out.put("next_rotation_time", null);
        out.put("event_subscriptions", List.of());
        out.put("enterprise_project_id", "0");
        out.put("rotation_func_urn", null);
        return out;
    }

    static Answer error(int status, String code, String message) {
        return new Answer(status, Json.csmsError(code, message));
    }

    static void send(Call call, Answer answer) throws IOException {
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
