package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The list-like arguments of a deletion step between a Jenkinsfile and the step's fields. The step keeps
 * {@code names} and {@code tags} as one text each, so that its form and the Snippet Generator can hold them; a
 * Jenkinsfile may also write {@code names: ['pr-42-db', 'pr-42-api']} and {@code tags: [env: 'pr-42']}, and a
 * snippet shows them that way. Every other argument passes unchanged; the job checks the values themselves.
 */
public final class JenkinsfileArguments {
    public static final String NAMES = "names";
    public static final String TAGS = "tags";

    private JenkinsfileArguments() {}

    /**
     * A Jenkinsfile's arguments as the step's fields take them: a list of names becomes one name per line, tags
     * become {@code KEY=VALUE} lines ({@link TagText#of}).
     *
     * @throws InvalidInputException for a shape neither field takes, saying what is allowed
     */
    public static Map<String, Object> toFields(Map<String, Object> arguments) {
        if (!arguments.containsKey(NAMES) && !arguments.containsKey(TAGS)) {
            return arguments;
        }
        Map<String, Object> fields = new LinkedHashMap<>(arguments);
        if (arguments.containsKey(NAMES)) {
            fields.put(NAMES, namesText(arguments.get(NAMES)));
        }
        if (arguments.containsKey(TAGS)) {
            fields.put(TAGS, TagText.of(arguments.get(TAGS)));
        }
        return fields;
    }

    /** The step's fields as a Jenkinsfile writes them: names as a list, tags as a map ({@link TagText#toMapOrText}). */
    public static Map<String, ?> toJenkinsfile(Map<String, ?> fields) {
        boolean names = fields.get(NAMES) instanceof String;
        boolean tags = fields.get(TAGS) instanceof String;
        if (!names && !tags) {
            return fields;
        }
        Map<String, Object> arguments = new LinkedHashMap<>(fields);
        if (names) {
            arguments.put(NAMES, DeletionRequest.splitNames((String) fields.get(NAMES)));
        }
        if (tags) {
            arguments.put(TAGS, TagText.toMapOrText((String) fields.get(TAGS)));
        }
        return arguments;
    }

    private static String namesText(Object value) {
        if (value == null || value instanceof CharSequence) {
            return value == null ? null : value.toString();
        }
        if (value instanceof Collection<?> list && list.stream().allMatch(v -> v instanceof CharSequence)) {
            return list.stream().map(Object::toString).collect(Collectors.joining("\n"));
        }
        throw new InvalidInputException("names is invalid: give a list such as ['pr-42-db', 'pr-42-api'], or a text"
                + " with the names separated by spaces, commas or line breaks.");
    }
}
