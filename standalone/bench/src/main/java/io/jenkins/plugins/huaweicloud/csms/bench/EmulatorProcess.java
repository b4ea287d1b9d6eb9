package io.jenkins.plugins.huaweicloud.csms.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The bench's handle on an {@link EmulatorServer} child JVM: start it, prepare secrets, read its counters. */
final class EmulatorProcess implements AutoCloseable {
    private final LineChannel channel;
    final String url;
    final String project;
    final String token;

    private EmulatorProcess(LineChannel channel) {
        this.channel = channel;
        this.url = channel.ready[1];
        this.project = channel.ready[2];
        this.token = channel.ready[3];
    }

    /** Starts {@code java -cp classpath EmulatorServer}. */
    static EmulatorProcess start(String java, String classpath) throws IOException {
        return new EmulatorProcess(new LineChannel(List.of(java, "-cp", classpath, EmulatorServer.class.getName())));
    }

    static String secretName(String prefix, int i) {
        return prefix + i;
    }

    /** Creates {@code count} secrets named prefix0, prefix1, ... directly in the emulator (no HTTP). */
    List<String> create(String prefix, int count) {
        channel.command("create " + prefix + " " + count);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(secretName(prefix, i));
        }
        return names;
    }

    void configure(long latencyMillis, int rateLimit) {
        channel.command("set " + latencyMillis + " " + rateLimit);
    }

    void resetCounters() {
        channel.command("reset");
    }

    /** Requests answered since the last reset. */
    long requests() {
        return Long.parseLong(channel.command("stats").split(" ")[0]);
    }

    /** 429 answers since the last reset. */
    long throttled() {
        return Long.parseLong(channel.command("stats").split(" ")[1]);
    }

    boolean has(String name) {
        return Boolean.parseBoolean(channel.command("has " + name));
    }

    @Override
    public void close() {
        channel.close();
    }
}
