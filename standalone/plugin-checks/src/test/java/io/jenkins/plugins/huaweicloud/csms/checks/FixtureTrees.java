package io.jenkins.plugins.huaweicloud.csms.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The small plugin trees under src/test/resources/fixtures, and assertions on the problems found in them. */
final class FixtureTrees {

    private FixtureTrees() {}

    /** This module's folder (Surefire sets basedir; the working directory is the module's folder as well). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "."));
    }

    static Path tree(String name) {
        Path tree = moduleDir().resolve("src/test/resources/fixtures").resolve(name);
        assertThat(tree).isDirectory();
        return tree;
    }

    /** Exactly one problem starts with {@code location} and contains every fragment. */
    static void assertOneProblem(List<String> problems, String location, String... fragments) {
        assertThat(problems)
                .as("problems at %s containing %s", location, Arrays.toString(fragments))
                .filteredOn(
                        p -> p.startsWith(location) && Arrays.stream(fragments).allMatch(p::contains))
                .hasSize(1);
    }
}
