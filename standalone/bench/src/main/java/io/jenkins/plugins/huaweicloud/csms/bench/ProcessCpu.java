package io.jenkins.plugins.huaweicloud.csms.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this whole process (every thread: caller, okhttp's dispatcher, GC, JIT), in nanoseconds.
 *
 * <p>{@code OperatingSystemMXBean.getProcessCpuTime()} is the obvious source, but on Linux with JDK 17 it counts in
 * clock ticks (10 ms), too coarse for windows of a few hundred milliseconds. So on Linux the sum of
 * {@code /proc/self/task/*}{@code /schedstat} (each thread's time on a CPU, in ns, GC and JIT threads included) is
 * used; the coarse MXBean figure is kept as a cross-check over long spans. A thread that ends inside a window
 * drops out of the sum; okhttp's and the SDK's pool threads live a minute when idle, so none does here.
 */
final class ProcessCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final boolean PRECISE = works();

    private ProcessCpu() {}

    /** Whether the ns-precise per-thread source is available (else the 10 ms-grained MXBean is used). */
    static boolean precise() {
        return PRECISE;
    }

    static String source() {
        return PRECISE
                ? "sum of /proc/self/task/*/schedstat (ns, all threads)"
                : "OperatingSystemMXBean.getProcessCpuTime()";
    }

    /** Process CPU time in ns, from the precise source when there is one. */
    static long nanos() {
        return PRECISE ? schedstat() : coarse();
    }

    /** {@code OperatingSystemMXBean.getProcessCpuTime()}: exact over long spans, 10 ms steps on Linux. */
    static long coarse() {
        return OS.getProcessCpuTime();
    }

    private static long schedstat() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String s = Files.readString(task.resolve("schedstat"));
                    int space = s.indexOf(' ');
                    sum += Long.parseLong(space < 0 ? s.trim() : s.substring(0, space));
                } catch (IOException | NumberFormatException e) {
                    // the thread ended while we listed it
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TASKS, e);
        }
        return sum;
    }

    private static boolean works() {
        try {
            if (!Files.isDirectory(TASKS)) {
                return false;
            }
            long a = schedstat();
            long x = 0;
            for (int i = 0; i < 5_000_000; i++) {
                x += i ^ (x >>> 3);
            }
            long b = schedstat();
            return a > 0 && b > a && x != 42;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
