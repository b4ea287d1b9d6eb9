package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service error in a response body, whatever shape it has: flat CSMS ({@code error_code}, {@code error_msg}),
 * nested ({@code {"error": {...}}}), API gateway (with {@code request_id}), IAM ({@code error.code/message}),
 * truncated JSON, HTML or nothing. Read as the official SDK reads it: a top-level {@code error_code}/{@code error_msg}
 * wins over a nested one, and nested objects are searched at any depth. A body that is not JSON at all (an HTML page
 * from a gateway) gives a short plain-text excerpt as the message, as data: whoever prints it treats it like any
 * other server text. Never throws.
 */
record ErrorBody(String code, String message, String requestId) {
    static final ErrorBody NONE = new ErrorBody(null, null, null);

    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CODE_FIELD = Pattern.compile("\"error_code\"\\s*:\\s*\"([^\"]{1,64})\"");
    private static final Pattern REQUEST_ID_FIELD = Pattern.compile("\"request_id\"\\s*:\\s*\"([^\"]{1,128})\"");

    /** Objects looked at in a nested search: enough for any real error body, bounded for a hostile one. */
    private static final int MAX_NODES = 1_000;

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (Exception e) {
            // Truncated JSON gets a scan that finds what it can; anything else (HTML, plain text) an excerpt.
            return looksLikeJson(body) ? fromText(body) : clean(null, PlainExcerpt.of(body), null);
        }
        return root != null && root.isObject() ? fromJson(root) : NONE;
    }

    private static boolean looksLikeJson(String body) {
        String start = body.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static ErrorBody fromJson(JsonNode root) {
        JsonNode node = errorNode(root);
        if (node == null) {
            return clean(null, null, text(root, "request_id"));
        }
        String code = text(node, "error_code");
        if (code == null) {
            code = text(node, "code");
        }
        String message = text(node, "error_msg");
        if (message == null) {
            message = text(node, "message");
        }
        String requestId = text(root, "request_id");
        if (requestId == null) {
            requestId = text(node, "request_id");
        }
        return clean(code, message, requestId);
    }

    /**
     * The object that holds the error, breadth first so the top level wins: first one with {@code error_code} or
     * {@code error_msg}; failing that, first one with {@code code} or {@code message} (IAM's nested shape).
     */
    private static JsonNode errorNode(JsonNode root) {
        JsonNode fallback = null;
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(root);
        for (int seen = 0; !queue.isEmpty() && seen < MAX_NODES; seen++) {
            JsonNode node = queue.poll();
            if (node.isObject()) {
                if (text(node, "error_code") != null || text(node, "error_msg") != null) {
                    return node;
                }
                if (fallback == null && (text(node, "code") != null || text(node, "message") != null)) {
                    fallback = node;
                }
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                JsonNode child = children.next();
                if (child.isContainerNode()) {
                    queue.add(child);
                }
            }
        }
        return fallback;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    private static ErrorBody fromText(String body) {
        Matcher code = CODE_FIELD.matcher(body);
        Matcher rid = REQUEST_ID_FIELD.matcher(body);
        return clean(
                code.find() ? code.group(1) : null,
                stringField(body, "\"error_msg\""),
                rid.find() ? rid.group(1) : null);
    }

    /**
     * The start of a JSON string value in text that may be cut short. Scanned by hand: a regular expression with
     * alternation recurses per character and overflows the stack on a long message.
     */
    private static String stringField(String body, String quotedName) {
        int i = body.indexOf(quotedName);
        if (i < 0) {
            return null;
        }
        i += quotedName.length();
        while (i < body.length() && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == ':')) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != '"') {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (i++; i < body.length() && value.length() < LogText.MAX_LENGTH * 2; i++) {
            char c = body.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < body.length()) {
                i++;
                char e = body.charAt(i);
                value.append(e == 'n' || e == 'r' || e == 't' ? ' ' : e);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static ErrorBody clean(String code, String message, String requestId) {
        String c = code != null && CODE_SHAPE.matcher(code).matches() ? code : null;
        String m = message == null ? null : LogText.clean(message);
        if (m != null && m.isEmpty()) {
            m = null;
        }
        String r = RequestIds.clean(requestId);
        return new ErrorBody(c, m, r);
    }
}
