package io.jenkins.plugins.huaweicloud.csms.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.Properties;

/** What both localizers (Jenkins' Messages classes and Stapler's {@code ${%..}}) do with a message text. */
final class MessageFormats {

    private MessageFormats() {}

    /**
     * The number of arguments a message takes, the way the localizer generator counts them (jenkinsci/localizer
     * GeneratorBase#countArgs: the highest {n} index plus one), or empty when the text is no valid pattern.
     */
    static Optional<Integer> argumentCount(String pattern) {
        try {
            return Optional.of(new MessageFormat(pattern).getFormatsByArgumentIndex().length);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why the text does not come out as written through MessageFormat, or empty when it does. */
    static Optional<String> problem(String pattern) {
        if (argumentCount(pattern).isEmpty()) {
            return Optional.of("is not a valid MessageFormat pattern (check '{' and '}')");
        }
        if (pattern.replace("''", "").indexOf('\'') >= 0) {
            return Optional.of(
                    "has a single quote, which MessageFormat drops (it starts a quoted part):" + " write '' or \u2019");
        }
        return Optional.empty();
    }

    /** Loads a .properties file as the localizer does (ISO-8859-1 with \\u escapes); empty when absent. */
    static Optional<Properties> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return Optional.of(properties);
    }
}
