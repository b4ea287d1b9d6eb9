package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place that turns JSON into bytes and back, so handlers never touch Jackson directly. */
final class Json {
    /** Request bodies above this size are refused: the real API caps secrets far lower. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a bounded JSON body.
     *
     * @return the parsed tree, or {@code null} when the body is too large or not JSON
     */
    static JsonNode readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return null;
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Reads a bounded body that may be empty.
     *
     * @return the parsed tree, a {@code MissingNode} for an empty body, or {@code null} when too large or not JSON
     */
    static JsonNode readOptional(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return null;
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** CSMS / API gateway error body: {@code {"error_code": ..., "error_msg": ...}}. */
    static byte[] csmsError(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error_msg", message);
        return write(body);
    }

    /** IAM error body: {@code {"error": {"code": 401, "message": ..., "title": ...}}}. */
    static byte[] iamError(int status, String message, String title) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", status);
        inner.put("message", message);
        inner.put("title", title);
        return write(Map.of("error", inner));
    }

    /** A text field of a JSON path, or {@code null} when any step is missing or not text. */
    static String text(JsonNode root, String... path) {
        JsonNode node = root;
        for (String step : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
