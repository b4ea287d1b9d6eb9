package io.jenkins.plugins.huaweicloud.csms.emulator;

import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.OTHER;
import static io.jenkins.plugins.huaweicloud.csms.emulator.IamTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The benchmark-only shortcut for AK/SK-signed requests (the official SDK's scheme). */
class SignedRequestsTest {
    private static final String SIGNED =
            "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-sdk-date, Signature=00ff";

    @Test
    void signedRequestIsAcceptedForAnyProjectOnlyWhenEnabled() throws IOException {
        try (CsmsEmulator emu = CsmsEmulator.builder()
                        .acceptSignedRequests(true)
                        .secret(PROJECT, "a", "v")
                        .secret(OTHER, "b", "v")
                        .start();
                CsmsEmulator strict =
                        CsmsEmulator.builder().secret(PROJECT, "a", "v").start()) {
            assertThat(delete(emu, PROJECT, "a", SIGNED)).isEqualTo(200);
            assertThat(delete(emu, OTHER, "b", SIGNED)).isEqualTo(200);
            assertThat(emu.hasSecret(PROJECT, "a")).isFalse();
            assertThat(emu.hasSecret(OTHER, "b")).isFalse();
            assertThat(delete(emu, PROJECT, "a", SIGNED)).isEqualTo(404);
            // Another scheme, or no header at all, is still refused.
            assertThat(delete(emu, PROJECT, "a", "Basic dXNlcjpwYXNz")).isEqualTo(401);
            assertThat(delete(emu, PROJECT, "a", null)).isEqualTo(401);

            assertThat(delete(strict, PROJECT, "a", SIGNED)).isEqualTo(401);
            assertThat(strict.hasSecret(PROJECT, "a")).isTrue();
        }
    }

    @Test
    void mainOptionEnablesIt() throws Exception {
        try (CsmsEmulator emu = EmulatorMain.start(
                new String[] {"--accept-signed", "--secret", "demo-1"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(delete(emu, CsmsEmulator.DEMO_PROJECT_ID, "demo-1", SIGNED))
                    .isEqualTo(200);
        }
    }

    private static int delete(CsmsEmulator emu, String project, String name, String authorization) throws IOException {
        Request.Builder b = new Request.Builder()
                .url(emu.url() + "/v1/" + project + "/secrets/" + name)
                .delete()
                .header("X-Sdk-Date", "20260101T000000Z");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try (Response r = Http.CLIENT.newCall(b.build()).execute()) {
            return r.code();
        }
    }
}
