package io.jenkins.plugins.huaweicloud.csms.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The bench's handle on a {@link Worker} JVM running one client variant. */
final class WorkerProcess implements AutoCloseable {
    /** What one timed window of N deletes cost that worker's whole process. */
    record Window(
            int calls,
            long cpuNanos,
            long coarseCpuNanos,
            long wallNanos,
            long allocatedBytes,
            int failures,
            long jitMillis,
            long gcs,
            long threadsStarted) {
        double cpuMicrosPerCall() {
            return cpuNanos / 1e3 / calls;
        }

        double callsPerSecond() {
            return calls / (wallNanos / 1e9);
        }

        double kbPerCall() {
            return allocatedBytes / 1024.0 / calls;
        }
    }

    private final LineChannel channel;
    final String id;
    final String label;

    private WorkerProcess(LineChannel channel) {
        this.channel = channel;
        this.id = channel.ready[1];
        this.label = channel.ready[3].replace('_', ' ');
    }

    static WorkerProcess start(String java, String classpath, String variant, EmulatorProcess emu, String sdkLib)
            throws IOException {
        List<String> cmd = new ArrayList<>(
                List.of(java, "-cp", classpath, Worker.class.getName(), variant, emu.url, emu.project, sdkLib));
        return new WorkerProcess(new LineChannel(cmd, emu.token));
    }

    Window run(String prefix, int calls) {
        String[] w = channel.command("run " + prefix + " " + calls).split(" ");
        return new Window(
                calls,
                Long.parseLong(w[0]),
                Long.parseLong(w[1]),
                Long.parseLong(w[2]),
                Long.parseLong(w[3]),
                Integer.parseInt(w[4]),
                Long.parseLong(w[5]),
                Long.parseLong(w[6]),
                Long.parseLong(w[7]));
    }

    @Override
    public void close() {
        channel.close();
    }
}
