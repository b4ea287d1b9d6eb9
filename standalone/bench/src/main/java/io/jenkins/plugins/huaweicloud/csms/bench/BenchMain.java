package io.jenkins.plugins.huaweicloud.csms.bench;

import io.jenkins.plugins.huaweicloud.csms.client.BatchDeletion;
import io.jenkins.plugins.huaweicloud.csms.client.BatchSummary;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmarks of the engine against bare okhttp and the official Huawei Cloud SDK, all against the emulator running
 * in a separate JVM (so this process's CPU time is the clients' only). Writes bench-results.md and .csv.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package &amp;&amp; java -jar bench/target/csms-bench.jar [options]
 *   --warmup N      at least this many deletes per variant before measuring, more until the JIT is quiet
 *                   (a warm-up round of all variants compiles for under 50 ms; default 10000)
 *   --calls N       deletes per variant per round (default 2000)
 *   --rounds N      measured rounds, variants interleaved (default 12)
 *   --teardown N    secrets per teardown run (default 300)
 *   --cold-runs N   fresh JVMs per cold-start program (default 10)
 *   --cli-jar FILE  the csms CLI jar (default: cli/target/csms.jar of this checkout; skipped when absent)
 *   --sdk-lib DIR   the SDK's jars and adapter (default: target/sdk-lib next to this jar)
 *   --out DIR       where bench-results.md/.csv go (default: the directory of this jar)
 *   --variants LIST part 1 clients, comma-separated (default engine,engine-aksk,okhttp,okhttp-safe,sdk)
 *   --memory N      names in the streaming-memory batch (default 10000; it runs at 100/s, so 100 s)
 *   --no-teardown, --no-cold, --no-memory   skip part 2, 3 or 4
 *   --quick         tiny sizes, for a smoke test
 * </pre>
 */
public final class BenchMain {
    static final int TEARDOWN_LATENCY_MS = 50;
    static final int TEARDOWN_RATE_LIMIT = 20;
    static final double FAST_RATE = 19.0;
    static final long JIT_QUIET_MS = 50;
    static final int MAX_WARMUP_ROUNDS = 25;

    /** Command-line options. */
    static final class Options {
        int warmup = 10000;
        int calls = 2000;
        int rounds = 12;
        int teardown = 300;
        int memory = 10_000;
        boolean memoryOn = true;
        int coldRuns = 10;
        int maxWarmupRounds = MAX_WARMUP_ROUNDS;
        List<String> variants = List.of("engine", "engine-aksk", "okhttp", "okhttp-safe", "sdk");
        boolean teardownOn = true;
        boolean coldOn = true;
        Path cliJar;
        Path sdkLib;
        Path out;
        PrintStream log = System.out;

        static Options parse(String[] args) {
            Options o = new Options();
            Path home = codeHome();
            o.sdkLib = home.resolve("sdk-lib");
            o.out = home;
            // bench/target -> standalone/ (the Jenkins-free aggregator) -> cli/target/csms.jar
            Path root = home.getParent() == null ? null : home.getParent().getParent();
            o.cliJar = root == null ? null : root.resolve("cli/target/csms.jar");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--calls" -> o.calls = Integer.parseInt(args[++i]);
                    case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                    case "--teardown" -> o.teardown = Integer.parseInt(args[++i]);
                    case "--cold-runs" -> o.coldRuns = Integer.parseInt(args[++i]);
                    case "--cli-jar" -> o.cliJar = Path.of(args[++i]);
                    case "--sdk-lib" -> o.sdkLib = Path.of(args[++i]);
                    case "--out" -> o.out = Path.of(args[++i]);
                    case "--variants" -> o.variants = List.of(args[++i].split(","));
                    case "--no-teardown" -> o.teardownOn = false;
                    case "--no-cold" -> o.coldOn = false;
                    case "--memory" -> o.memory = Integer.parseInt(args[++i]);
                    case "--no-memory" -> o.memoryOn = false;
                    case "--quick" -> {
                        o.warmup = 50;
                        o.calls = 50;
                        o.rounds = 1;
                        o.teardown = 10;
                        o.memory = 200;
                        o.coldRuns = 1;
                        o.maxWarmupRounds = 1;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see BenchMain's javadoc)");
                }
            }
            return o;
        }

        /** target/ when run from target/classes or target/csms-bench.jar. */
        private static Path codeHome() {
            try {
                Path code = Path.of(BenchMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                return code.toAbsolutePath().getParent();
            } catch (URISyntaxException e) {
                return Path.of(".").toAbsolutePath();
            }
        }
    }

    private final Options o;
    private final PrintStream log;
    private final Report report = new Report();
    private final String java =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath = System.getProperty("java.class.path");
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    BenchMain(Options o) {
        this.o = o;
        this.log = o.log;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path md = new BenchMain(o).run();
        System.out.println();
        System.out.println(Files.readString(md, StandardCharsets.UTF_8));
        System.exit(0);
    }

    /** Runs everything and returns the Markdown file written. */
    Path run() throws Exception {
        long start = System.nanoTime();
        double loadBefore = os.getSystemLoadAverage();
        report.paragraph("Generated by `java -jar bench/target/csms-bench.jar` on "
                + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".");
        String machine = "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), "
                + String.format(Locale.ROOT, "%.1f", os.getTotalMemorySize() / (1024.0 * 1024 * 1024))
                + " GiB, " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; JDK "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + "), default JVM flags; emulator in a separate JVM on loopback.";
        try (EmulatorProcess emu = EmulatorProcess.start(java, classpath)) {
            log.println("emulator process at " + emu.url);
            costPerDelete(emu);
            if (o.teardownOn) {
                teardown(emu, Variant.engineClient(emu.url, emu.token));
            }
            if (o.coldOn) {
                coldStart(emu);
            }
            if (o.memoryOn) {
                memory(emu, Variant.engineClient(emu.url, emu.token));
            }
        }
        double loadAfter = os.getSystemLoadAverage();
        report.paragraph(machine
                + String.format(
                        Locale.ROOT,
                        " Load average (1 min) %.2f at the start, %.2f at the end; whole run %.0f s.",
                        loadBefore,
                        loadAfter,
                        (System.nanoTime() - start) / 1e9));
        Path md = o.out.resolve("bench-results.md");
        report.write(md, o.out.resolve("bench-results.csv"));
        log.println("wrote " + md + " and bench-results.csv");
        return md;
    }

    // ---- 1. CPU per delete in warm JVMs ----

    private void costPerDelete(EmulatorProcess emu) throws Exception {
        emu.configure(0, 0);
        List<String> ids = new ArrayList<>(o.variants);
        boolean sdk = Files.isDirectory(o.sdkLib);
        if (!sdk && ids.remove("sdk")) {
            log.println("no SDK at " + o.sdkLib + ": its row is skipped");
        }
        sdk = ids.contains("sdk");
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (String id : ids) {
                workers.add(WorkerProcess.start(java, classpath, id, emu, o.sdkLib.toString()));
            }
            costPerDelete(emu, workers, sdk);
        } finally {
            workers.forEach(WorkerProcess::close);
        }
    }

    private void costPerDelete(EmulatorProcess emu, List<WorkerProcess> workers, boolean sdk) {
        int minWarmupRounds = Math.max(1, (o.warmup + o.calls - 1) / o.calls);
        log.printf(
                Locale.ROOT,
                "1. cost per delete: %d variants, each in its own JVM; warm-up rounds of %d deletes each until"
                        + " the JIT is quiet (at least %d rounds), then %d rounds x %d deletes each%n",
                workers.size(),
                o.calls,
                minWarmupRounds,
                o.rounds,
                o.calls);
        // Warm up until, for every worker, a whole window compiles for less than JIT_QUIET_MS: otherwise the JIT's
        // own CPU time lands in whichever window happens to trigger a compilation.
        int warmupRounds = 0;
        long worstJit;
        do {
            worstJit = 0;
            StringBuilder jits = new StringBuilder();
            for (WorkerProcess w : workers) {
                WorkerProcess.Window win = window(emu, w, "w" + warmupRounds);
                worstJit = Math.max(worstJit, win.jitMillis());
                jits.append(' ').append(w.id).append('=').append(win.jitMillis());
            }
            warmupRounds++;
            log.printf(Locale.ROOT, "   warm-up round %d: JIT ms%s%n", warmupRounds, jits);
        } while (warmupRounds < minWarmupRounds || (worstJit > JIT_QUIET_MS && warmupRounds < o.maxWarmupRounds));

        Map<String, List<WorkerProcess.Window>> byVariant = new LinkedHashMap<>();
        workers.forEach(w -> byVariant.put(w.id, new ArrayList<>()));
        for (int r = 0; r < o.rounds; r++) {
            for (WorkerProcess w : workers) {
                WorkerProcess.Window win = window(emu, w, "r" + r);
                byVariant.get(w.id).add(win);
                log.printf(
                        Locale.ROOT,
                        "   round %d %-13s %7.1f us CPU/delete %8.0f deletes/s %6.1f KB/delete  JIT %d ms, %d GCs, %d threads"
                                + " started%s%n",
                        r + 1,
                        w.id,
                        win.cpuMicrosPerCall(),
                        win.callsPerSecond(),
                        win.kbPerCall(),
                        win.jitMillis(),
                        win.gcs(),
                        win.threadsStarted(),
                        win.failures() == 0 ? "" : "  FAILURES " + win.failures());
            }
        }

        String section = "cpu-per-delete";
        List<WorkerProcess.Window> base = byVariant.getOrDefault("okhttp", byVariant.get(workers.get(0).id));
        List<List<String>> rows = new ArrayList<>();
        long jitMs = 0;
        long gcs = 0;
        long preciseTotal = 0;
        long coarseTotal = 0;
        for (WorkerProcess w : workers) {
            List<WorkerProcess.Window> ws = byVariant.get(w.id);
            Stats cpu = Stats.of(
                    ws.stream().map(WorkerProcess.Window::cpuMicrosPerCall).toList());
            Stats rate = Stats.of(
                    ws.stream().map(WorkerProcess.Window::callsPerSecond).toList());
            Stats kb = Stats.of(ws.stream().map(WorkerProcess.Window::kbPerCall).toList());
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < ws.size(); i++) {
                ratios.add(ws.get(i).cpuMicrosPerCall() / base.get(i).cpuMicrosPerCall());
            }
            Stats ratio = Stats.of(ratios);
            int failures = ws.stream().mapToInt(WorkerProcess.Window::failures).sum();
            long jit = ws.stream().mapToLong(WorkerProcess.Window::jitMillis).sum();
            long gc = ws.stream().mapToLong(WorkerProcess.Window::gcs).sum();
            jitMs += jit;
            gcs += gc;
            preciseTotal +=
                    ws.stream().mapToLong(WorkerProcess.Window::cpuNanos).sum();
            coarseTotal +=
                    ws.stream().mapToLong(WorkerProcess.Window::coarseCpuNanos).sum();
            rows.add(List.of(
                    w.label,
                    cpu.text(1),
                    ratio.text(2),
                    rate.text(0),
                    kb.text(1),
                    jit + " / " + gc,
                    Integer.toString(failures)));
            report.metric(section, w.id, "cpu_us_per_delete", cpu, "us");
            report.metric(section, w.id, "cpu_ratio_to_bare_okhttp", ratio, "x");
            report.metric(section, w.id, "deletes_per_second", rate, "1/s");
            report.metric(section, w.id, "allocated_kb_per_delete", kb, "KB");
            report.metric(section, w.id, "jit_ms_in_windows", jit, "ms");
            report.metric(section, w.id, "gcs_in_windows", gc, "count");
            report.metric(section, w.id, "failed_deletes", failures, "count");
        }
        report.heading("1. CPU per delete in a warm JVM, emulator on loopback (no latency)");
        report.paragraph(String.format(
                Locale.ROOT,
                "Each client runs in its own warm JVM (like a JMH fork: no shared JIT profile, heap or GC), the"
                        + " emulator in another. Figures are that JVM's whole-process CPU time (every thread: caller,"
                        + " okhttp dispatcher, GC, JIT) per delete of a pre-created secret, and sequential deletes"
                        + " per second (one thread, one call at a time). Warm-up: %d deletes per client (until every"
                        + " client's window compiled for under %d ms), then %d rounds of %d deletes per client,"
                        + " interleaved (engine, okhttp, okhttp-safe, SDK, engine, ...). Median (min–max) over the"
                        + " rounds; the ratio is taken round by round against bare okhttp `execute()`. In the timed"
                        + " windows the JITs compiled for %d ms and %d GCs ran in all, included in the CPU times."
                        + " CPU source: %s; over all timed windows it counted %.3f s against %.3f s from"
                        + " `getProcessCpuTime()` (10 ms steps on Linux).",
                warmupRounds * o.calls,
                JIT_QUIET_MS,
                o.rounds,
                o.calls,
                jitMs,
                gcs,
                ProcessCpu.source(),
                preciseTotal / 1e9,
                coarseTotal / 1e9));
        report.table(
                List.of(
                        "client",
                        "CPU µs / delete",
                        "× bare okhttp (CPU)",
                        "deletes / s",
                        "KB allocated / delete",
                        "JIT ms / GCs in windows",
                        "failed"),
                rows);
        if (sdk) {
            report.paragraph(String.format(
                    Locale.ROOT,
                    "SDK runtime class path: %.1f MiB of jars in target/sdk-lib (okhttp 4.12, Kotlin, Jackson"
                            + " 2.14, Bouncy Castle, ...), loaded in its own class loader.",
                    Variant.jarMiB(o.sdkLib)));
        }
    }

    private WorkerProcess.Window window(EmulatorProcess emu, WorkerProcess w, String round) {
        String prefix = round + "-" + w.id.replace("-", "") + "-";
        emu.create(prefix, o.calls);
        return w.run(prefix, o.calls);
    }

    // ---- 2. Teardown under a rate limit ----

    /**
     * Part 4: a batch of N names from a lazy iterator (nothing holds the names or the results), sampling the heap
     * after a full GC at every tenth of the way: if results were kept, the live heap would grow with N.
     */
    private void memory(EmulatorProcess emu, CsmsClient client) throws Exception {
        emu.configure(0, 0);
        ProjectId project = ProjectId.of(emu.project);
        int n = o.memory;
        double rate = BatchDeletion.MAX_RATE;
        log.printf(Locale.ROOT, "4. streaming batch of %d names at %.0f/s, heap sampled after GC%n", n, rate);
        MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
        int step = Math.max(1, n / 10);
        List<long[]> samples = new ArrayList<>(); // {results so far, live heap bytes}
        AtomicInteger done = new AtomicInteger();
        LongSupplier liveHeap = () -> {
            System.gc();
            return heap.getHeapMemoryUsage().getUsed();
        };
        samples.add(new long[] {0, liveHeap.getAsLong()});
        Iterator<SecretName> names = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public SecretName next() {
                return SecretName.of("mem-" + next++);
            }
        };
        long t0 = System.nanoTime();
        BatchSummary summary = BatchDeletion.of(client).rate(rate).run(project, names, r -> {
            int k = done.incrementAndGet();
            if (k % step == 0) {
                // The consumer runs one at a time, so sampling here pauses the batch, not the measurement.
                samples.add(new long[] {k, liveHeap.getAsLong()});
            }
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        long first = samples.get(1)[1];
        long last = samples.get(samples.size() - 1)[1];
        long max = samples.stream().mapToLong(x -> x[1]).max().orElse(0);
        log.printf(
                Locale.ROOT,
                "   %d results in %.1f s; live heap after %d results %.1f MiB, after %d %.1f MiB, max %.1f MiB%n",
                summary.total(),
                wall,
                samples.get(1)[0],
                first / 1048576.0,
                samples.get(samples.size() - 1)[0],
                last / 1048576.0,
                max / 1048576.0);
        List<List<String>> rows = new ArrayList<>();
        for (long[] x : samples) {
            rows.add(List.of(Long.toString(x[0]), String.format(Locale.ROOT, "%.1f", x[1] / 1048576.0)));
            report.metric("memory", "results-" + x[0], "live_heap_mib", x[1] / 1048576.0, "MiB");
        }
        report.metric("memory", "batch", "growth_first_to_last_mib", (last - first) / 1048576.0, "MiB");
        report.heading(String.format(
                Locale.ROOT,
                "4. Memory of a streaming batch: %d names from a lazy iterator, concurrency %d, %.0f/s",
                n,
                BatchDeletion.DEFAULT_CONCURRENCY,
                rate));
        report.paragraph(String.format(
                Locale.ROOT,
                "Live heap of the bench JVM after a full GC, sampled every %d results (the names are made on demand and"
                        + " the results handed to a consumer that keeps none, as `csms delete` does)."
                        + " The secrets do not exist (every answer is 404, outcome UNSTABLE): the"
                        + " client's work per name is the same. %d results in %.1f s; growth from the first sample to"
                        + " the last: %.2f MiB.",
                step,
                summary.total(),
                wall,
                (last - first) / 1048576.0));
        report.table(List.of("results so far", "live heap MiB"), rows);
    }

    private void teardown(EmulatorProcess emu, CsmsClient client) throws Exception {
        emu.configure(TEARDOWN_LATENCY_MS, TEARDOWN_RATE_LIMIT);
        ProjectId project = ProjectId.of(emu.project);
        int n = o.teardown;
        log.printf(
                Locale.ROOT,
                "2. teardown of %d secrets, emulator latency %d ms, limit %d/s%n",
                n,
                TEARDOWN_LATENCY_MS,
                TEARDOWN_RATE_LIMIT);
        List<List<String>> rows = new ArrayList<>();
        String section = "teardown";
        record Case(String id, String label, double rate) {}
        List<Case> cases = List.of(
                new Case(
                        "batch-default",
                        "BatchDeletion defaults (concurrency " + BatchDeletion.DEFAULT_CONCURRENCY + ", "
                                + (int) BatchDeletion.DEFAULT_RATE + "/s)",
                        BatchDeletion.DEFAULT_RATE),
                new Case(
                        "batch-19",
                        "BatchDeletion concurrency " + BatchDeletion.DEFAULT_CONCURRENCY + ", rate " + (int) FAST_RATE
                                + "/s",
                        FAST_RATE),
                new Case("sequential", "sequential CsmsClient.delete loop (no pacing)", 0));
        for (Case c : cases) {
            List<SecretName> names = emu.create("td-" + c.id() + "-", n).stream()
                    .map(SecretName::of)
                    .toList();
            // A fresh one-second window of the emulator's rate limiter, then reset its counters.
            Thread.sleep(1100);
            emu.resetCounters();
            int[] tally = new int[2];
            long t0 = System.nanoTime();
            if (c.rate() > 0) {
                BatchSummary s = BatchDeletion.of(client).rate(c.rate()).run(project, names, r -> {});
                tally[0] = s.succeeded();
                tally[1] = s.total() - s.succeeded();
            } else {
                for (SecretName name : names) {
                    DeletionResult r = client.delete(project, name);
                    tally[r.outcome() == Outcome.SUCCESS ? 0 : 1]++;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long throttled = emu.throttled();
            long requests = emu.requests();
            double bound = c.rate() > 0 ? n / c.rate() : n / (double) TEARDOWN_RATE_LIMIT;
            log.printf(
                    Locale.ROOT,
                    "   %-14s %6.1f s (bound %.1f s), %d requests, %d answered 429, %d succeeded%n",
                    c.id(),
                    wall,
                    bound,
                    requests,
                    throttled,
                    tally[0]);
            rows.add(List.of(
                    c.label(),
                    Integer.toString(n),
                    c.rate() > 0
                            ? String.format(Locale.ROOT, "%.1f s (%d / %.0f/s)", bound, n, c.rate())
                            : String.format(Locale.ROOT, "(%.1f s at the %d/s limit)", bound, TEARDOWN_RATE_LIMIT),
                    String.format(Locale.ROOT, "%.1f s", wall),
                    String.format(Locale.ROOT, "%.3f", wall / bound),
                    Long.toString(throttled),
                    Long.toString(requests),
                    tally[0] + " / " + n));
            report.metric(section, c.id(), "wall_seconds", wall, "s");
            report.metric(section, c.id(), "rate_bound_seconds", bound, "s");
            report.metric(section, c.id(), "wall_to_bound", wall / bound, "x");
            report.metric(section, c.id(), "answers_429", throttled, "count");
            report.metric(section, c.id(), "requests", requests, "count");
            report.metric(section, c.id(), "deleted", tally[0], "count");
        }
        report.heading(String.format(
                Locale.ROOT,
                "2. Teardown of %d secrets: emulator latency %d ms, rate limit %d requests/s",
                n,
                TEARDOWN_LATENCY_MS,
                TEARDOWN_RATE_LIMIT));
        report.paragraph("Wall time against the bound N / rate (the fastest the pacing allows), the 429 answers the"
                + " emulator sent (`throttledCount()`), all HTTP requests sent (retries included), and secrets"
                + " deleted with outcome SUCCESS. One run each, in one warm JVM.");
        report.table(
                List.of("run", "secrets", "bound N / rate", "wall", "wall / bound", "429s", "requests", "deleted"),
                rows);
        emu.configure(0, 0);
    }

    // ---- 3. Cold start: one delete in a fresh JVM ----

    private record Program(String id, String label, List<String> command) {}

    private void coldStart(EmulatorProcess emu) throws Exception {
        emu.configure(0, 0);
        List<Program> programs = new ArrayList<>();
        String cliNote;
        if (o.cliJar != null && Files.isRegularFile(o.cliJar)) {
            programs.add(new Program(
                    "cli",
                    "`csms delete` (java -jar cli/target/csms.jar)",
                    List.of(java, "-jar", o.cliJar.toString(), "delete", "--endpoint", emu.url, "--project")));
            cliNote = "";
        } else {
            cliNote = " The CLI row is missing: no CLI jar at " + o.cliJar + " (build it with `mvn -B package`).";
            log.println("no CLI jar at " + o.cliJar + ": its cold-start row is skipped");
        }
        programs.add(new Program(
                "engine-one-call",
                "engine alone: one CsmsClient.delete (bench class, no picocli)",
                List.of(java, "-cp", classpath, EngineOneCall.class.getName(), emu.url)));
        programs.add(new Program(
                "okhttp-one-call",
                "bare okhttp 5: one execute() (bench class)",
                List.of(java, "-cp", classpath, OkHttpOneCall.class.getName(), emu.url)));
        if (Files.isDirectory(o.sdkLib)) {
            String sdkCp = Stream.of(Variant.sdkJars(o.sdkLib))
                    .map(u -> {
                        try {
                            return Path.of(u.toURI()).toString();
                        } catch (URISyntaxException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .collect(Collectors.joining(File.pathSeparator));
            programs.add(new Program(
                    "sdk-one-call",
                    "Huawei Cloud SDK: one deleteSecret (adapter class)",
                    List.of(java, "-cp", sdkCp, "io.jenkins.plugins.huaweicloud.csms.bench.sdk.SdkOneCall", emu.url)));
        }
        log.printf(
                Locale.ROOT,
                "3. cold start: %d programs x %d fresh JVMs (+1 unmeasured each)%n",
                programs.size(),
                o.coldRuns);
        Map<String, List<Double>> walls = new LinkedHashMap<>();
        programs.forEach(p -> walls.put(p.id(), new ArrayList<>()));
        Path output = Files.createTempFile("csms-bench-cold", ".log");
        try {
            for (int run = -1; run < o.coldRuns; run++) {
                for (Program p : programs) {
                    String name = emu.create("cold-" + p.id().replace("-", "") + "-" + (run + 1) + "-", 1)
                            .get(0);
                    List<String> cmd = new ArrayList<>(p.command());
                    if (p.id().equals("cli")) {
                        cmd.addAll(List.of(emu.project, "--name", name));
                    } else {
                        cmd.addAll(List.of(emu.project, name));
                    }
                    ProcessBuilder pb =
                            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
                    pb.environment().put("CSMS_TOKEN", emu.token);
                    long t0 = System.nanoTime();
                    Process process = pb.start();
                    boolean done = process.waitFor(120, TimeUnit.SECONDS);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (!done || process.exitValue() != 0 || emu.has(name)) {
                        process.destroyForcibly();
                        throw new IllegalStateException(p.id() + " failed to delete " + name + " (exit "
                                + (done ? process.exitValue() : "timeout") + "): "
                                + Files.readString(output, StandardCharsets.UTF_8));
                    }
                    if (run >= 0) {
                        walls.get(p.id()).add(ms);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(output);
        }
        Stats sdk = walls.containsKey("sdk-one-call") ? Stats.of(walls.get("sdk-one-call")) : null;
        List<List<String>> rows = new ArrayList<>();
        for (Program p : programs) {
            Stats s = Stats.of(walls.get(p.id()));
            log.printf(Locale.ROOT, "   %-16s %s ms%n", p.id(), s.text(0));
            rows.add(List.of(
                    p.label(),
                    Integer.toString(s.n()),
                    s.text(0),
                    sdk == null ? "n/a" : String.format(Locale.ROOT, "%.2f", s.median() / sdk.median())));
            report.metric("cold-start", p.id(), "wall_ms", s, "ms");
        }
        report.heading("3. Cold start: one delete in a fresh `java` process");
        report.paragraph("Wall time from process start to exit (JVM start, class loading, one DELETE of a"
                + " pre-created secret, exit), default JVM flags, the emulator already running in its own JVM."
                + " Runs interleaved, one unmeasured run of each first; median (min–max)." + cliNote);
        report.table(List.of("program", "runs", "wall ms", "× SDK (median)"), rows);
    }
}
