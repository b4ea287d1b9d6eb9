package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Sleeper;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the outside world besides their arguments, so tests can replace it: the environment
 * (CSMS_TOKEN, CSMS_IAM_PASSWORD, HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN), the sleeper and clock that pace and space requests, and how long {@code csms emulator} serves. Output goes
 * through picocli's {@code CommandLine.getOut()/getErr()}.
 */
public record CliContext(
        Map<String, String> env,
        Sleeper sleeper,
        Clock clock,
        EmulatorLifetime emulatorLifetime,
        boolean handleSignals) {
    public static final String TOKEN_ENV = "CSMS_TOKEN";
    public static final String PASSWORD_ENV = "CSMS_IAM_PASSWORD";
    /** The names Huawei's SDKs and huaweicloud/auth-action use. */
    public static final String AK_ENV = "HUAWEICLOUD_SDK_AK";

    public static final String SK_ENV = "HUAWEICLOUD_SDK_SK";
    public static final String SECURITY_TOKEN_ENV = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(emulatorLifetime, "emulatorLifetime");
    }

    /** An in-process context (tests): signals are left to the JVM. */
    public CliContext(Map<String, String> env, Sleeper sleeper, Clock clock, EmulatorLifetime emulatorLifetime) {
        this(env, sleeper, clock, emulatorLifetime, false);
    }

    /**
     * The real process: its environment, real sleeps, an emulator that serves until Ctrl-C, and {@code csms delete}
     * stopping cleanly on SIGINT/SIGTERM.
     */
    public static CliContext system() {
        return new CliContext(
                System.getenv(), Sleeper.SYSTEM, Clock.systemUTC(), EmulatorLifetime.UNTIL_SHUTDOWN, true);
    }

    /** An environment variable, or null when it is unset or blank. */
    String envValue(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
