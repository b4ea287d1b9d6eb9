package io.jenkins.plugins.huaweicloud.csms.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code ${%text}} (and {@code "%text"} literal inside an expression) of the Jelly views, read the way
 * Stapler reads it (org.kohsuke.stapler.jelly.InternationalizedStringExpression): the text before the first '(' is
 * the message key, what follows up to the balancing ')' is a comma-separated list of argument expressions, and
 * the message is the key's value in the view's own .properties (config.jelly: config.properties) or else the key
 * itself, formatted with MessageFormat (org.kohsuke.stapler.jelly.ResourceBundle#format). So a title such as
 * {@code ${%Timeout (seconds)}} shows "Timeout " and evaluates {@code seconds} as an expression.
 */
final class JellyTextsCheck {

    /** As Stapler's CustomJellyContext: a string literal starting with '%' inside an expression. */
    private static final Pattern RESOURCE_LITERAL = Pattern.compile("(\"%[^\"]+\")|('%[^']+')");

    private JellyTextsCheck() {}

    static void run(Path pluginRoot, List<String> problems) throws IOException {
        for (Path jelly : JellyFiles.below(pluginRoot.resolve("src/main/resources"), ".jelly")) {
            String text = JellyFiles.read(jelly);
            String name = jelly.getFileName().toString();
            Path bundleFile =
                    jelly.resolveSibling(name.substring(0, name.length() - ".jelly".length()) + ".properties");
            Properties bundle = MessageFormats.load(bundleFile).orElseGet(Properties::new);
            for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", start + 2)) {
                Optional<String> expression = expressionAt(text, start + 2);
                String where = pluginRoot.relativize(jelly) + ":" + JellyFiles.lineAt(text, start) + ": ";
                if (expression.isEmpty()) {
                    problems.add(where + "'${' without its closing '}'");
                    continue;
                }
                String e = expression.get();
                if (e.startsWith("%")) {
                    checkText(e, bundle, bundleFile, where, problems);
                } else {
                    Matcher m = RESOURCE_LITERAL.matcher(e);
                    while (m.find()) {
                        checkText(m.group().substring(1, m.group().length() - 1), bundle, bundleFile, where, problems);
                    }
                }
            }
        }
    }

    private static void checkText(
            String expression, Properties bundle, Path bundleFile, String where, List<String> problems) {
        String shown = "${" + expression + "}";
        String body = expression.substring(1);
        int open = body.indexOf('(');
        String key = open < 0 ? body : body.substring(0, open);
        List<String> arguments = new ArrayList<>();
        if (open >= 0 && !splitArguments(body.substring(open + 1), arguments)) {
            problems.add(where + shown + ": Stapler reads '(' as the start of arguments and finds no balancing ')'"
                    + ", so the view fails to load: reword without '(' or move the text to "
                    + bundleFile.getFileName());
            return;
        }
        String value = bundle.getProperty(key);
        String message = value == null || value.isEmpty() ? key : value;
        Optional<Integer> placeholders = MessageFormats.argumentCount(message);
        if (placeholders.isPresent() && placeholders.get() != arguments.size()) {
            problems.add(where + shown + ": Stapler reads the message \"" + key + "\" with " + arguments.size()
                    + " argument(s) " + arguments + ", but the message has " + placeholders.get()
                    + " placeholder(s)"
                    + (open >= 0
                            ? ": '(' starts arguments; reword without '(' or move the text to "
                                    + bundleFile.getFileName()
                            : ""));
            return;
        }
        MessageFormats.problem(message).ifPresent(p -> problems.add(where + shown + ": the message " + p));
    }

    /** Splits "a,b)" as Stapler's tokenizer does; false when the closing ')' is missing. */
    private static boolean splitArguments(String text, List<String> arguments) {
        while (!text.isEmpty()) {
            int end = tokenEnd(text);
            if (end < 0) {
                return false;
            }
            arguments.add(text.substring(0, end).trim());
            text = text.substring(end + 1);
        }
        return true;
    }

    private static int tokenEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ',':
                    if (depth == 0) {
                        return i;
                    }
                    break;
                case '(', '{', '[':
                    depth++;
                    break;
                case ')':
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                    break;
                case '}', ']':
                    depth--;
                    break;
                case '"', '\'':
                    int close = text.indexOf(c, i + 1);
                    if (close < 0) {
                        return -1;
                    }
                    i = close;
                    break;
                default:
                    break;
            }
        }
        return -1;
    }

    /** The expression text from {@code from} up to its closing '}' (quotes and nested braces skipped). */
    private static Optional<String> expressionAt(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                i = close;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return Optional.of(text.substring(from, i));
                }
                depth--;
            }
        }
        return Optional.empty();
    }
}
