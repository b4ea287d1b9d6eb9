package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tag key and the values it may have, as CSMS's query by tag takes it: several filters must all match (AND),
 * several values of one key are alternatives (OR).
 */
public record TagFilter(String key, List<String> values) {
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 255;
    /** CSMS takes at most 20 tag filters, and 20 values per key. */
    public static final int MAX_FILTERS = 20;

    public TagFilter {
        values = List.copyOf(values);
    }

    /**
     * Parses {@code KEY=VALUE} options (split at the first {@code =}) and combines them as the API does: the same key
     * given twice means either value. Nothing is sent; bad input says what is allowed.
     */
    public static List<TagFilter> parse(List<String> specs) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidInputException("No tag given: give at least one KEY=VALUE, such as env=pr-42.");
        }
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec == null ? -1 : spec.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("Tag " + LogText.quote(spec)
                        + " is invalid: give it as KEY=VALUE, such as env=pr-42 (the key cannot be empty).");
            }
            String key = check("key", spec.substring(0, eq), 1, MAX_KEY_LENGTH);
            String value = check("value", spec.substring(eq + 1), 1, MAX_VALUE_LENGTH);
            byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
        }
        if (byKey.size() > MAX_FILTERS) {
            throw new InvalidInputException(
                    byKey.size() + " tag keys given: CSMS filters by at most " + MAX_FILTERS + " keys.");
        }
        List<TagFilter> filters = new ArrayList<>();
        byKey.forEach((k, v) -> {
            if (v.size() > MAX_FILTERS) {
                throw new InvalidInputException(v.size() + " values given for tag key " + LogText.quote(k)
                        + ": CSMS takes at most " + MAX_FILTERS + " per key.");
            }
            filters.add(new TagFilter(k, new ArrayList<>(v)));
        });
        return List.copyOf(filters);
    }

    private static String check(String what, String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            throw new InvalidInputException("Tag " + what + " " + LogText.quote(text) + " is invalid: it must be " + min
                    + " to " + max + " characters.");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new InvalidInputException("Tag " + what + " " + LogText.quote(text)
                        + " is invalid: it must not contain control characters.");
            }
        }
        return text;
    }

    /** {@code env=pr-42|pr-43}, for messages. */
    @Override
    public String toString() {
        return key + "=" + String.join("|", values);
    }
}
