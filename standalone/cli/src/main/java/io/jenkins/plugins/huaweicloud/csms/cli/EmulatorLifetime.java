package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How long {@code csms emulator} serves: until the JVM is stopped, or whatever a test decides. */
@FunctionalInterface
public interface EmulatorLifetime {
    /** Serves until Ctrl-C or SIGTERM; the emulator is closed before the JVM ends. */
    EmulatorLifetime UNTIL_SHUTDOWN = emulator -> {
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.countDown();
                            try {
                                closed.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "csms-emulator-shutdown"));
        try {
            stopping.await();
        } finally {
            emulator.close();
            closed.countDown();
        }
    };

    /** Returns when the emulator should stop; the caller closes it afterwards. */
    void serve(CsmsEmulator emulator) throws InterruptedException;
}
