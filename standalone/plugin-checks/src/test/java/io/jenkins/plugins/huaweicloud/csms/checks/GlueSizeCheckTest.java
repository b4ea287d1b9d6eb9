package io.jenkins.plugins.huaweicloud.csms.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's Java stays glue: file and total size limits, counted without comments, imports and blank lines. */
class GlueSizeCheckTest {

    @TempDir
    Path root;

    private Path write(String name, List<String> lines) throws Exception {
        Path file = root.resolve("src/main/java/fx").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, lines);
    }

    private static List<String> classWithCodeLines(String name, int code, int comments) {
        List<String> lines = new ArrayList<>(List.of("package fx;", "", "import java.util.List;", "", "/**"));
        for (int i = 0; i < comments; i++) {
            lines.add(" * why " + i);
        }
        lines.add(" */");
        lines.add("class " + name + " {");
        for (int i = 0; i < code - 2; i++) {
            lines.add("    int f" + i + "; // a trailing comment does not hide code");
        }
        lines.add("}");
        return lines;
    }

    @Test
    void codeLinesLeaveOutBlankCommentImportAndPackageLines() {
        List<String> lines = List.of(
                "package fx;",
                "import java.util.List;",
                "",
                "// one",
                "/* two",
                "   three */",
                "/** four */",
                "class A {",
                "    /*",
                "     * five",
                "     */",
                "    int x;",
                "}");
        assertThat(GlueSizeCheck.codeLines(lines)).isEqualTo(3);
    }

    @Test
    void smallGlueHasNoProblem() throws Exception {
        write("A.java", classWithCodeLines("A", 200, 40));
        assertThat(PluginViewChecks.glueSize(root)).isEmpty();
    }

    @Test
    void aFileOverTwoHundredFiftyLinesIsNamed() throws Exception {
        write("Big.java", classWithCodeLines("Big", 200, 51));
        List<String> problems = PluginViewChecks.glueSize(root);
        assertThat(problems).hasSize(1);
        FixtureTrees.assertOneProblem(problems, "src/main/java/fx/Big.java: 257 lines, over 250", "engine");
    }

    @Test
    void tooMuchCodeInAllIsAProblemEvenInSmallFiles() throws Exception {
        for (int i = 0; i < 6; i++) {
            write("C" + i + ".java", classWithCodeLines("C" + i, 210, 0));
        }
        List<String> problems = PluginViewChecks.glueSize(root);
        assertThat(problems).hasSize(1);
        FixtureTrees.assertOneProblem(problems, "src/main/java: 1260 lines of code, over 1250", "engine");
    }
}
