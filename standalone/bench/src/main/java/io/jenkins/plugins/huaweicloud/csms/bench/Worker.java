package io.jenkins.plugins.huaweicloud.csms.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import okhttp3.OkHttpClient;

/**
 * One client variant in its own warm JVM (like a JMH fork: no variant's JIT profile, heap or GC pollutes
 * another's). Started by {@link WorkerProcess}; prints {@code READY}, then for each {@code run PREFIX N} deletes
 * the secrets PREFIX0..PREFIX(N-1) one after the other and answers
 * {@code OK cpuNanos coarseCpuNanos wallNanos allocatedBytes failures jitMillis gcCount threadsStarted} for that window.
 */
public final class Worker {
    private final Variant variant;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

    private Worker(Variant variant) {
        this.variant = variant;
    }

    /** Arguments: variant id (engine, engine-aksk, okhttp, okhttp-safe, sdk), emulator URL, project id, sdk-lib dir. */
    public static void main(String[] args) throws Exception {
        String id = args[0];
        String url = args[1];
        String project = args[2];
        String token = System.getenv("CSMS_TOKEN");
        Variant v =
                switch (id) {
                    case "engine" -> Variant.engine(Variant.engineClient(url, token), project);
                    case "engine-aksk" -> Variant.engineAksk(url, project);
                    case "okhttp" -> Variant.okhttpExecute(new OkHttpClient(), url, project, token);
                    case "okhttp-safe" -> Variant.okhttpSafe(url, project, token);
                    case "sdk" -> Variant.sdk(Path.of(args[3]), url, project);
                    default -> throw new IllegalArgumentException("unknown variant " + id);
                };
        new Worker(v).serve();
    }

    private void serve() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("READY " + variant.id() + " " + ProcessCpu.precise() + " "
                + variant.label().replace(' ', '_'));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            if (w[0].equals("quit")) {
                out.println("OK");
                return;
            }
            if (!w[0].equals("run")) {
                out.println("ERR unknown command " + w[0]);
                continue;
            }
            out.println("OK " + window(w[1], Integer.parseInt(w[2])));
        }
    }

    private String window(String prefix, int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = EmulatorProcess.secretName(prefix, i);
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(variant.loader());
        int failures = 0;
        long started0 = threads.getTotalStartedThreadCount();
        long gc0 = gcCount();
        long jit0 = jit.getTotalCompilationTime();
        long alloc0 = allocatedBytes();
        long coarse0 = ProcessCpu.coarse();
        long cpu0 = ProcessCpu.nanos();
        long t0 = System.nanoTime();
        try {
            for (String name : names) {
                if (variant.delete().applyAsInt(name) != 200) {
                    failures++;
                }
            }
        } finally {
            t.setContextClassLoader(before);
        }
        long t1 = System.nanoTime();
        long cpu1 = ProcessCpu.nanos();
        long coarse1 = ProcessCpu.coarse();
        long alloc1 = allocatedBytes();
        long jit1 = jit.getTotalCompilationTime();
        long gc1 = gcCount();
        long started1 = threads.getTotalStartedThreadCount();
        return String.format(
                Locale.ROOT,
                "%d %d %d %d %d %d %d %d",
                cpu1 - cpu0,
                coarse1 - coarse0,
                t1 - t0,
                alloc1 - alloc0,
                failures,
                jit1 - jit0,
                gc1 - gc0,
                started1 - started0);
    }

    /** Bytes allocated so far by all live threads (okhttp's dispatcher threads live for a minute when idle). */
    private long allocatedBytes() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
