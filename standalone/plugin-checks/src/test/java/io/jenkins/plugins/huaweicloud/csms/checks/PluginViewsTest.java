package io.jenkins.plugins.huaweicloud.csms.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checks over the real plugin at the repository root (../../src from this module). */
class PluginViewsTest {

    static final Path PLUGIN = FixtureTrees.moduleDir().resolve("../..");

    @Test
    void thePluginsViewsAreConsistentWithItsJava() throws Exception {
        assertThat(PLUGIN.resolve("src/main/resources")).isDirectory();
        assertThat(JellyFiles.below(PLUGIN.resolve("src/main/resources"), "config.jelly"))
                .as("the plugin's forms")
                .isNotEmpty();
        assertThat(Files.list(PLUGIN.resolve("src/main/java/io/jenkins/plugins/huaweicloud/csms")))
                .as("the plugin's Java sources")
                .isNotEmpty();

        assertThat(PluginViewChecks.all(PLUGIN))
                .as("problems in the plugin's views (see docs/development.md, plugin checks)")
                .isEmpty();
    }
}
