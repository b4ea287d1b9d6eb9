package io.jenkins.plugins.huaweicloud.csms.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void printsUrlProjectAndAWorkingToken() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsmsEmulator emu = EmulatorMain.start(
                new String[] {"--port", "0", "--rate-limit", "5", "--secret", "demo-1", "--user", "acc:bob:pa:ss"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);

            assertThat(out).contains("NOT Huawei Cloud").contains("url:     " + emu.url());
            assertThat(out).contains("project: " + CsmsEmulator.DEMO_PROJECT_ID);
            Matcher token = Pattern.compile("token:   (\\S+)").matcher(out);
            assertThat(token.find()).isTrue();

            Http http = new Http(emu.url(), token.group(1));
            assertThat(http.get("/v1/" + CsmsEmulator.DEMO_PROJECT_ID + "/secrets/demo-1")
                            .status())
                    .isEqualTo(200);
            assertThat(http.post("/v3/auth/tokens", IamTest.login("acc", "bob", "pa:ss", CsmsEmulator.DEMO_PROJECT_ID))
                            .status())
                    .isEqualTo(201);
        }
    }

    @Test
    void appliesFaultOptions() throws IOException, EmulatorMain.UsageException {
        try (CsmsEmulator emu = EmulatorMain.start(
                new String[] {"--error-rate", "1", "--seed", "3", "--latency-ms", "0"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            Http http = new Http(emu.url(), emu.issueToken(CsmsEmulator.DEMO_PROJECT_ID));
            assertThat(http.get("/v1/" + CsmsEmulator.DEMO_PROJECT_ID + "/secrets")
                            .status())
                    .isIn(500, 502, 503);
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String[] args : new String[][] {
            {"--port"},
            {"--port", "x"},
            {"--port", "70000"},
            {"--rate-limit", "-1"},
            {"--error-rate", "2"},
            {"--error-rate", "NaN"},
            {"--user", "no-colons"},
            {"--secret", "bad/name"},
            {"--what"}
        }) {
            assertThatThrownBy(() -> EmulatorMain.start(args, out))
                    .as(String.join(" ", args))
                    .isInstanceOf(EmulatorMain.UsageException.class)
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void helpIsAUsageRequestWithEmptyMessage() {
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--help"}, System.out))
                .isInstanceOf(EmulatorMain.UsageException.class)
                .hasMessage("");
        assertThat(EmulatorMain.USAGE)
                .contains("--port", "--rate-limit", "--latency-ms", "--error-rate", "--seed", "--user");
    }
}
