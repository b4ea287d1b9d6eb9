package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tags of a secret (by its {@code id}) and the query by tag, {@code POST /v1/{project_id}/csms/resource_instances/
 * action}. Called after the gateway checks (rate limit, token, project, random errors) have passed.
 */
final class TagsHandler {
    static final int MAX_TAGS_PER_SECRET = 20;
    static final int MAX_KEY_CHARS = 128;
    static final int MAX_VALUE_CHARS = 255;
    static final int MAX_INSTANCE_LIMIT = 1000;
    static final int DEFAULT_INSTANCE_LIMIT = 10;

    private final SecretStore secrets;

    TagsHandler(SecretStore secrets) {
        this.secrets = secrets;
    }

    void handle(Call call, String projectId, ApiRoute route, String[] parts) throws IOException {
        switch (route) {
            case RESOURCE_INSTANCES -> {
                if (requirePost(call)) {
                    SecretsHandler.send(call, resourceInstances(call, projectId));
                }
            }
            case TAGS -> {
                if ("GET".equals(call.method())) {
                    SecretsHandler.send(call, listTags(projectId, parts[4]));
                } else if (requirePost(call, "GET, POST")) {
                    SecretsHandler.send(call, addTag(call, projectId, parts[4]));
                }
            }
            case TAGS_ACTION -> {
                if (requirePost(call)) {
                    SecretsHandler.send(call, tagAction(call, projectId, parts[4]));
                }
            }
            case TAG -> {
                if (!"DELETE".equals(call.method())) {
                    call.responseHeader("Allow", "DELETE");
                    call.csmsError(405, ErrorCodes.INVALID_REQUEST, "Method not allowed");
                } else {
                    String key = URLDecoder.decode(parts[6].replace("+", "%2B"), StandardCharsets.UTF_8);
                    SecretsHandler.send(call, removeTag(projectId, parts[4], key));
                }
            }
            default -> throw new IllegalStateException("not a tag route: " + route);
        }
    }

    private static boolean requirePost(Call call) throws IOException {
        return requirePost(call, "POST");
    }

    private static boolean requirePost(Call call, String allow) throws IOException {
        if ("POST".equals(call.method())) {
            return true;
        }
        call.responseHeader("Allow", allow);
        call.csmsError(405, ErrorCodes.INVALID_REQUEST, "Method not allowed");
        return false;
    }

    private SecretsHandler.Answer listTags(String projectId, String secretId) {
        SecretStore.Secret s = secrets.byId(projectId, secretId);
        if (s == null) {
            return noSuchSecret(secretId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tags", tagItems(s.tags()));
        body.put("sys_tags", List.of());
        return new SecretsHandler.Answer(200, Json.write(body));
    }

    private SecretsHandler.Answer addTag(Call call, String projectId, String secretId) throws IOException {
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        if (body == null || !body.isObject() || !body.path("tag").isObject()) {
            return SecretsHandler.error(400, ErrorCodes.INVALID_BODY, "The request body must be {\"tag\":{...}}");
        }
        return change(projectId, secretId, "create", List.of(body.get("tag")));
    }

    private SecretsHandler.Answer tagAction(Call call, String projectId, String secretId) throws IOException {
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        if (body == null || !body.isObject() || !body.path("tags").isArray()) {
            return SecretsHandler.error(
                    400, ErrorCodes.INVALID_BODY, "The request body must be {\"action\":...,\"tags\":[...]}");
        }
        String action = Json.text(body, "action");
        if (!"create".equals(action) && !"delete".equals(action)) {
            return SecretsHandler.error(400, ErrorCodes.INVALID_PARAMETER, "Invalid action: create or delete");
        }
        List<JsonNode> items = new ArrayList<>();
        body.get("tags").forEach(items::add);
        return change(projectId, secretId, action, items);
    }

    private SecretsHandler.Answer change(String projectId, String secretId, String action, List<JsonNode> items) {
        Map<String, String> given = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String key = Json.text(item, "key");
            String value = Json.text(item, "value");
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_CHARS) {
                return SecretsHandler.error(
                        400, ErrorCodes.INVALID_PARAMETER, "Invalid tag key: 1 to " + MAX_KEY_CHARS + " characters");
            }
            if (value == null && "create".equals(action)) {
                value = "";
            }
            if (value != null && value.length() > MAX_VALUE_CHARS) {
                return SecretsHandler.error(
                        400,
                        ErrorCodes.INVALID_PARAMETER,
                        "Invalid tag value: at most " + MAX_VALUE_CHARS + " characters");
            }
            given.put(key, value);
        }
        SecretStore.Secret s = secrets.byId(projectId, secretId);
        if (s == null) {
            return noSuchSecret(secretId);
        }
        Map<String, String> after = new LinkedHashMap<>(s.tags());
        if ("create".equals(action)) {
            after.putAll(given);
        } else {
            given.forEach((k, v) -> {
                if (v == null || v.equals(after.get(k))) {
                    after.remove(k);
                }
            });
        }
        if (after.size() > MAX_TAGS_PER_SECRET) {
            return SecretsHandler.error(
                    400, ErrorCodes.INVALID_PARAMETER, "A secret has at most " + MAX_TAGS_PER_SECRET + " tags");
        }
        return secrets.replaceTags(projectId, secretId, after) == null
                ? noSuchSecret(secretId)
                : new SecretsHandler.Answer(204, null);
    }

    private SecretsHandler.Answer removeTag(String projectId, String secretId, String key) {
        SecretStore.Secret s = secrets.byId(projectId, secretId);
        if (s == null) {
            return noSuchSecret(secretId);
        }
        if (!s.tags().containsKey(key)) {
            return SecretsHandler.error(404, ErrorCodes.NOT_FOUND, "The secret has no tag with that key");
        }
        Map<String, String> after = new LinkedHashMap<>(s.tags());
        after.remove(key);
        return secrets.replaceTags(projectId, secretId, after) == null
                ? noSuchSecret(secretId)
                : new SecretsHandler.Answer(204, null);
    }

    /**
     * {@code filter}: the matching secrets from {@code offset}, at most {@code limit}, with {@code total_count} of all
     * matches; {@code count}: only {@code total_count}. Several keys must all match (AND), several values of one key
     * are alternatives (OR), an empty value list matches any value; {@code matches} on {@code resource_name} keeps
     * the names that contain the value (emulator's reading of "fuzzy match").
     */
    private SecretsHandler.Answer resourceInstances(Call call, String projectId) throws IOException {
        JsonNode body = Json.readBounded(call.exchange().getRequestBody());
        if (body == null || !body.isObject()) {
            return SecretsHandler.error(400, ErrorCodes.INVALID_BODY, "The request body is not valid JSON");
        }
        String action = Json.text(body, "action");
        if (!"filter".equals(action) && !"count".equals(action)) {
            return SecretsHandler.error(400, ErrorCodes.INVALID_PARAMETER, "Invalid action: filter or count");
        }
        Integer limit = stringNumber(body, "limit", DEFAULT_INSTANCE_LIMIT, 1, MAX_INSTANCE_LIMIT);
        if (limit == null) {
            return SecretsHandler.error(
                    400, ErrorCodes.INVALID_PARAMETER, "Invalid limit: a string of 1 to " + MAX_INSTANCE_LIMIT);
        }
        Integer offset = stringNumber(body, "offset", 0, 0, Integer.MAX_VALUE);
        if (offset == null) {
            return SecretsHandler.error(400, ErrorCodes.INVALID_PARAMETER, "Invalid offset: a string of 0 or more");
        }
        Predicate<SecretStore.Secret> filter;
        try {
            filter = tagFilter(body.get("tags")).and(nameFilter(body.get("matches")));
        } catch (IllegalArgumentException e) {
            return SecretsHandler.error(400, ErrorCodes.INVALID_PARAMETER, e.getMessage());
        }
        List<SecretStore.Secret> all = secrets.matching(projectId, filter);
        Map<String, Object> out = new LinkedHashMap<>();
        if ("filter".equals(action)) {
            List<Map<String, Object>> resources = new ArrayList<>();
            for (int i = offset; i < all.size() && resources.size() < limit; i++) {
                resources.add(resource(all.get(i)));
            }
            out.put("resources", resources);
        }
        out.put("total_count", all.size());
        return new SecretsHandler.Answer(200, Json.write(out));
    }

    private static Map<String, Object> resource(SecretStore.Secret s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resource_id", s.id());
        r.put("resource_name", s.name());
        r.put("resource_detail", SecretsHandler.describe(s));
        r.put("tags", tagItems(s.tags()));
        r.put("sys_tags", List.of());
        return r;
    }

    /** A field the API takes as a string of digits; absent gives the default, anything else wrong gives null. */
    private static Integer stringNumber(JsonNode body, String field, int absent, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isTextual() || !v.asText().matches("[0-9]{1,10}")) {
            return null;
        }
        long n = Long.parseLong(v.asText());
        return n < min || n > max ? null : (int) n;
    }

    private static Predicate<SecretStore.Secret> tagFilter(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return s -> true;
        }
        if (!tags.isArray() || tags.size() > MAX_TAGS_PER_SECRET) {
            throw new IllegalArgumentException("Invalid tags: a list of at most " + MAX_TAGS_PER_SECRET);
        }
        Predicate<SecretStore.Secret> all = s -> true;
        for (JsonNode tag : tags) {
            String key = Json.text(tag, "key");
            JsonNode values = tag.path("values");
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_CHARS || !values.isArray()) {
                throw new IllegalArgumentException("Invalid tags: each is {\"key\":...,\"values\":[...]}");
            }
            Set<String> accepted = new LinkedHashSet<>();
            for (JsonNode v : values) {
                if (!v.isTextual()) {
                    throw new IllegalArgumentException("Invalid tags: values are strings");
                }
                accepted.add(v.asText());
            }
            all = all.and(s -> s.tags().containsKey(key)
                    && (accepted.isEmpty() || accepted.contains(s.tags().get(key))));
        }
        return all;
    }

    private static Predicate<SecretStore.Secret> nameFilter(JsonNode matches) {
        if (matches == null || matches.isNull()) {
            return s -> true;
        }
        if (!matches.isArray()) {
            throw new IllegalArgumentException("Invalid matches: a list");
        }
        Predicate<SecretStore.Secret> all = s -> true;
        for (JsonNode match : matches) {
            String value = Json.text(match, "value");
            if (!"resource_name".equals(Json.text(match, "key")) || value == null) {
                throw new IllegalArgumentException("Invalid matches: only {\"key\":\"resource_name\",\"value\":...}");
            }
            all = all.and(s -> s.name().contains(value));
        }
        return all;
    }

    private static List<Map<String, String>> tagItems(Map<String, String> tags) {
        List<Map<String, String>> items = new ArrayList<>();
        tags.forEach((k, v) -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("key", k);
            item.put("value", v);
            items.add(item);
        });
        return items;
    }

    private static SecretsHandler.Answer noSuchSecret(String secretId) {
        return SecretsHandler.error(404, ErrorCodes.NOT_FOUND, "No secret with that id");
    }
}
