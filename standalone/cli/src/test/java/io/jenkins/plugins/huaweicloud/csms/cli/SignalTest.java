package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code csms delete} in a real child process, stopped by SIGTERM ({@link ProcessHandle#destroy()}) or SIGINT
 * ({@code kill -INT}) while a slow server holds its first DELETE. The test waits on what the server received and on what the
 * child printed, never on time.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignalTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "MIIEcQYJKoZIhvcNAQcCoIIEYjCCBF4CAQExDTALBglghkgBZQMEAgEwggLP-Zr9Qm";

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch received = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Child child;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                received.countDown();
                release.await(60, TimeUnit.SECONDS);
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("X-Request-Id", "req-1")
                        .build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (child != null) {
            child.process.destroyForcibly();
        }
        server.close();
    }

    /** A child JVM running csms on this test's class path, its stdout and stderr read as they come. */
    private static final class Child {
        final Process process;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();

        Child(Process process) {
            this.process = process;
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        private void pump(InputStream in, StringBuilder into) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (this) {
                            into.append(line).append('\n');
                            notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the child is gone
                }
                synchronized (this) {
                    notifyAll();
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** Waits until stderr holds the text (or the child ended). */
        synchronized void awaitErr(String text) throws InterruptedException {
            while (err.indexOf(text) < 0 && process.isAlive()) {
                wait(1000);
            }
            assertThat(err.toString()).contains(text);
        }

        /** Waits for the exit, then for both streams to be read to their end. */
        int exit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the child exited")
                    .isTrue();
            return process.exitValue();
        }

        synchronized String out() {
            return out.toString();
        }

        synchronized String err() {
            return err.toString();
        }
    }

    private Child startCsms(long graceMillis) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CsmsCli.class.getName(),
                "delete",
                "--endpoint",
                server.url("/").toString(),
                "--project",
                PROJECT,
                "--concurrency",
                "1",
                "--name",
                "pr-1",
                "--name",
                "pr-2",
                "--name",
                "pr-3",
                "--stop-grace-millis",
                Long.toString(graceMillis)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("CSMS_TOKEN", TOKEN);
        child = new Child(pb.start());
        child.process.getOutputStream().close();
        return child;
    }

    private Child stoppedDuringTheFirstDelete(long graceMillis, String signal) throws Exception {
        Child c = startCsms(graceMillis);
        assertThat(received.await(60, TimeUnit.SECONDS))
                .as("the first DELETE arrived")
                .isTrue();
        send(c, signal);
        c.awaitErr("starting no new request");
        return c;
    }

    private static void send(Child c, String signal) throws Exception {
        if (signal.equals("TERM")) {
            // SIGTERM on Unix. Not Process.destroy(): it also closes our ends of the child's stdout and stderr.
            assertThat(c.process.toHandle().destroy()).isTrue();
        } else {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(c.process.pid())).start();
            assertThat(kill.waitFor()).isZero();
        }
    }

    @Test
    void sigtermLetsTheCallInFlightFinishPrintsItAndTheSummaryThenExits143() throws Exception {
        Child c = stoppedDuringTheFirstDelete(30_000, "TERM");
        release.countDown();

        assertThat(c.exit()).isEqualTo(143);
        assertThat(c.out()).isEqualTo("SUCCESS\tpr-1\t200\t-\treq-1\tDELETED\t1\n");
        assertThat(c.err())
                .contains("csms: SUCCESS pr-1: deleted")
                .contains("interrupted by SIGTERM: 1 secret: 1 SUCCESS; 2 of 3 not reported: never sent.")
                .contains("rerun with --if-missing SUCCESS")
                .contains("Exit status 143");
        assertThat(server.getRequestCount())
                .as("no new request after the signal")
                .isEqualTo(1);
        assertThat(c.out() + c.err()).doesNotContain(TOKEN.substring(0, 24));
    }

    @Test
    void sigintDoesTheSameAndExits130() throws Exception {
        Child c = stoppedDuringTheFirstDelete(30_000, "INT");
        release.countDown();

        assertThat(c.exit()).isEqualTo(130);
        assertThat(c.out()).startsWith("SUCCESS\tpr-1\t200\t");
        assertThat(c.err()).contains("interrupted by SIGINT: 1 secret: 1 SUCCESS");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void whenTheGraceRunsOutTheCallIsCancelledAndTheSummarySaysSo() throws Exception {
        Child c = stoppedDuringTheFirstDelete(300, "TERM");

        assertThat(c.exit()).isEqualTo(143);
        assertThat(c.out()).isEmpty();
        assertThat(c.err())
                .contains("interrupted by SIGTERM: 0 secrets; 3 of 3 not reported: never sent, or cancelled in flight"
                        + " after the 0.3 s grace (those may have been deleted)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSecondSignalExitsAtOnce() throws Exception {
        Child c = stoppedDuringTheFirstDelete(600_000, "TERM");
        send(c, "INT");

        assertThat(c.exit()).isEqualTo(143);
        assertThat(c.out()).isEmpty();
        assertThat(c.err()).contains("csms: SIGINT again: exiting at once");
    }
}
