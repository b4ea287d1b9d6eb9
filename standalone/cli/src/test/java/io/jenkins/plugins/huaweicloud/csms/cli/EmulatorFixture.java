package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator and CLI per test; after each test no token or password may appear in any output. */
abstract class EmulatorFixture {
    static final String PROJECT = CsmsEmulator.DEMO_PROJECT_ID;
    static final String ACCOUNT = "acme";
    static final String USER = "ci-bot";
    static final String PASSWORD = "PASSWORD-MARKER-s3cr3t";

    CsmsEmulator emulator;
    String token;
    final Cli cli = new Cli();

    @BeforeEach
    void startEmulator() {
        emulator = CsmsEmulator.builder().user(ACCOUNT, USER, PASSWORD, PROJECT).start();
        token = emulator.issueToken(PROJECT);
        cli.secret(token).secret(PASSWORD);
    }

    @AfterEach
    void stopEmulatorAndCheckLeaks() {
        emulator.close();
        cli.assertNoSecretLeaked();
    }

    /** {@code delete --endpoint <emulator> --project PROJECT} followed by the given arguments. */
    String[] delete(String... more) {
        String[] base = {"delete", "--endpoint", emulator.url(), "--project", PROJECT};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    void createSecrets(String... names) {
        for (String n : names) {
            emulator.createSecret(PROJECT, n, "value-of-" + n);
        }
    }

    int deleteRequests(String name) {
        return emulator.requestCount("DELETE", "/v1/" + PROJECT + "/secrets/" + name);
    }

    int iamRequests() {
        return emulator.requestCount("POST", "/v3/auth/tokens");
    }
}
