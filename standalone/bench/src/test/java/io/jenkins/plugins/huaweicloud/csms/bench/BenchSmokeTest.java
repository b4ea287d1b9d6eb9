package io.jenkins.plugins.huaweicloud.csms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness runs end to end with tiny sizes (one round of each part). Timings are not asserted. */
class BenchSmokeTest {

    @Test
    void quickRunWritesAllThreeTables(@TempDir Path out) throws Exception {
        BenchMain.Options o = BenchMain.Options.parse(new String[] {
            "--quick",
            "--out",
            out.toString(),
            "--cli-jar",
            out.resolve("no-cli.jar").toString()
        });
        o.log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Path md = new BenchMain(o).run();

        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("1. CPU per delete")
                .contains("engine: CsmsClient.delete")
                .contains("bare okhttp 5.3.2: execute()")
                .contains("2. Teardown of 10 secrets")
                .contains("3. Cold start")
                .contains("The CLI row is missing");
        if (Files.isDirectory(o.sdkLib)) {
            assertThat(text).contains("Huawei Cloud SDK");
        }
        List<String> csv = Files.readAllLines(out.resolve("bench-results.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("section,variant,metric,median,min,max,unit,samples");
        assertThat(csv).anyMatch(l -> l.startsWith("cpu-per-delete,engine,cpu_us_per_delete,"));
        assertThat(csv).anyMatch(l -> l.startsWith("teardown,batch-default,answers_429,"));
        assertThat(csv).anyMatch(l -> l.startsWith("cold-start,okhttp-one-call,wall_ms,"));
        // Every measured delete succeeded.
        assertThat(csv)
                .filteredOn(l -> l.contains(",failed_deletes,"))
                .allMatch(l -> l.contains(",0.000,0.000,0.000,"));
    }
}
