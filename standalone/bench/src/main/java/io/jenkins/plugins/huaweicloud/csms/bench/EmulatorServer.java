package io.jenkins.plugins.huaweicloud.csms.bench;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The emulator in its own JVM, so the bench process's CPU time is only the clients'. Started by
 * {@link EmulatorProcess}; prints {@code READY url project token}, then answers one line per command read from
 * stdin ({@code OK ...} or {@code ERR ...}) and stops at end of input. It holds the
 * bench's fake AK/SK pair ({@link #BENCH_AK}, the same as the SDK adapter's) and verifies every signed request, so
 * the official SDK and the engine's AK/SK path are timed against real verification.
 */
public final class EmulatorServer {
    /** The bench's fake key pair; the SDK adapter (compiled apart, in src/sdk) holds the same two values. */
    static final String BENCH_AK = "BENCHAKEMULATOR0000000";

    static final String BENCH_SK = "bench-secret-key-for-the-emulator-only-000000";

    private EmulatorServer() {}

    public static void main(String[] args) throws IOException {
        String project = CsmsEmulator.DEMO_PROJECT_ID;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (CsmsEmulator emu = CsmsEmulator.builder()
                .accessKey("bench", BENCH_AK, BENCH_SK, project)
                .start()) {
            out.println("READY " + emu.url() + " " + project + " " + emu.issueToken(project));
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.trim().split(" ");
                try {
                    switch (w[0]) {
                        case "create" -> {
                            int count = Integer.parseInt(w[2]);
                            for (int i = 0; i < count; i++) {
                                emu.createSecret(project, EmulatorProcess.secretName(w[1], i), "bench-value-" + i);
                            }
                            out.println("OK");
                        }
                        case "set" -> {
                            emu.setLatency(Duration.ofMillis(Long.parseLong(w[1])));
                            emu.setRateLimit(Integer.parseInt(w[2]));
                            out.println("OK");
                        }
                        case "reset" -> {
                            emu.resetCounters();
                            out.println("OK");
                        }
                        case "stats" -> out.println("OK " + emu.requestCount() + " " + emu.throttledCount());
                        case "has" -> out.println("OK " + emu.hasSecret(project, w[1]));
                        case "count" ->
                            out.println("OK " + emu.secretNames(project).size());
                        case "quit" -> {
                            out.println("OK");
                            return;
                        }
                        default -> out.println("ERR unknown command " + w[0]);
                    }
                } catch (RuntimeException e) {
                    out.println("ERR " + e);
                }
            }
        }
    }
}
