package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes a front end receives tags in, turned into the {@code KEY=VALUE} list of
 * {@link DeletionRequest.Builder#tags}: a text with one {@code KEY=VALUE} per line (a form's text area; tag values may
 * hold spaces, so only line breaks separate), or a map such as a Jenkinsfile's {@code [env: 'pr-42']} whose values
 * are a text or a list of texts (several values of one key: either matches). Nothing here checks the keys and values
 * themselves: {@link TagFilter#parse} does, when the job is planned.
 */
public final class TagText {
    private TagText() {}

    /** The {@code KEY=VALUE} lines of a text, blank lines ignored; null when there are none. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> specs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                specs.add(line.strip());
            }
        }
        return specs.isEmpty() ? null : specs;
    }

    /**
     * The text as a form keeps it: its {@code KEY=VALUE} lines stripped and joined by {@code \n} (a browser sends
     * {@code \r\n}), null when there are none.
     */
    public static String normalize(String text) {
        List<String> specs = split(text);
        return specs == null ? null : String.join("\n", specs);
    }

    /**
     * The text of a Jenkinsfile's {@code tags} value: a map of key to value (or list of values), a list of
     * {@code KEY=VALUE}, or a text, each value as written; null for null.
     *
     * @throws InvalidInputException for anything else (e.g. a map as a value), saying what is allowed
     */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (isScalar(value)) {
            return value.toString();
        }
        List<String> lines = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (isScalar(e.getValue())) {
                    lines.add(key + "=" + e.getValue());
                } else if (e.getValue() instanceof Collection<?> values
                        && values.stream().allMatch(TagText::isScalar)) {
                    values.forEach(v -> lines.add(key + "=" + v));
                } else {
                    throw new InvalidInputException("tags: the value of " + LogText.quote(key) + " is invalid: give a"
                            + " text or a list of texts, such as [env: 'pr-42'] or [env: ['pr-42', 'pr-43']].");
                }
            }
            return String.join("\n", lines);
        }
        if (value instanceof Collection<?> specs && specs.stream().allMatch(TagText::isScalar)) {
            specs.forEach(s -> lines.add(s.toString()));
            return String.join("\n", lines);
        }
        throw new InvalidInputException("tags is invalid: give a map such as [env: 'pr-42'], a list such as"
                + " ['env=pr-42'], or a text with one KEY=VALUE per line.");
    }

    /**
     * The map a Jenkinsfile would write for a text (a key given once maps to its value, a key given more than once
     * to the list of its values), or the text itself when a line is not {@code KEY=VALUE}; null for none.
     */
    public static Object toMapOrText(String text) {
        List<String> specs = split(text);
        if (specs == null) {
            return null;
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                return text;
            }
            byKey.computeIfAbsent(spec.substring(0, eq), k -> new ArrayList<>()).add(spec.substring(eq + 1));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        byKey.forEach((k, v) -> map.put(k, v.size() == 1 ? v.get(0) : new ArrayList<>(v)));
        return map;
    }

    private static boolean isScalar(Object o) {
        return o instanceof CharSequence || o instanceof Number || o instanceof Boolean || o instanceof Character;
    }
}
