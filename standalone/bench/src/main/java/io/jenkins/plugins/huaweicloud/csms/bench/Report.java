package io.jenkins.plugins.huaweicloud.csms.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Markdown tables for people and a long-format CSV for tools, written side by side. */
final class Report {
    private final StringBuilder md = new StringBuilder();
    private final List<String> csv = new ArrayList<>();

    Report() {
        csv.add("section,variant,metric,median,min,max,unit,samples");
    }

    void heading(String text) {
        md.append("\n### ").append(text).append("\n\n");
    }

    void paragraph(String text) {
        md.append(text).append("\n\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        md.append("\n");
    }

    void metric(String section, String variant, String metric, Stats s, String unit) {
        csv.add(String.join(
                ",",
                quote(section),
                quote(variant),
                quote(metric),
                num(s.median()),
                num(s.min()),
                num(s.max()),
                quote(unit),
                Integer.toString(s.n())));
    }

    void metric(String section, String variant, String metric, double value, String unit) {
        metric(section, variant, metric, new Stats(value, value, value, 1), unit);
    }

    String markdown() {
        return md.toString();
    }

    void write(Path md, Path csvFile) throws IOException {
        Files.createDirectories(md.toAbsolutePath().getParent());
        Files.writeString(md, markdown(), StandardCharsets.UTF_8);
        Files.write(csvFile, csv, StandardCharsets.UTF_8);
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
