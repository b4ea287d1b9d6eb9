package io.jenkins.plugins.huaweicloud.csms.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugin's own Java stays glue: no file over {@value #MAX_FILE_LINES} lines and at most
 * {@value #MAX_CODE_LINES} lines of code in all (blank, comment, {@code import} and {@code package} lines not
 * counted). The plugin cannot be built or tested where this project is developed, so whatever decides something
 * belongs in the engine ({@code standalone/client}), which is tested on every CI run.
 */
final class GlueSizeCheck {
    static final int MAX_FILE_LINES = 250;
    static final int MAX_CODE_LINES = 1250;

    private GlueSizeCheck() {}

    static void run(Path root, List<String> problems) throws IOException {
        Path sources = root.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        int code = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > MAX_FILE_LINES) {
                problems.add(root.relativize(file) + ": " + lines.size() + " lines, over " + MAX_FILE_LINES
                        + ": move what it decides into the engine (standalone/client), or split it by job");
            }
            code += codeLines(lines);
        }
        if (code > MAX_CODE_LINES) {
            problems.add("src/main/java: " + code + " lines of code, over " + MAX_CODE_LINES
                    + ": the plugin only maps Jenkins types to the engine (standalone/client); move decisions there");
        }
    }

    /** Lines that are neither blank, nor comments, nor {@code import} or {@code package} declarations. */
    static int codeLines(List<String> lines) {
        int code = 0;
        boolean inComment = false;
        for (String line : lines) {
            String t = line.strip();
            if (inComment) {
                inComment = !t.contains("*/");
            } else if (t.startsWith("/*")) {
                inComment = !t.contains("*/");
            } else if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("import ") && !t.startsWith("package ")) {
                code++;
            }
        }
        return code;
    }
}
