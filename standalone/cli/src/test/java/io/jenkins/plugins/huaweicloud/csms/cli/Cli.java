package io.jenkins.plugins.huaweicloud.csms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.client.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code csms} in-process with captured stdout/stderr, an injected environment and a sleeper that only records.
 * Remembers every output and every secret it was given, so {@link #assertNoSecretLeaked()} can check them all.
 */
final class Cli {
    final Map<String, String> env = new HashMap<>();
    final List<Duration> sleeps = new ArrayList<>();
    /** Moves only when the recording sleeper "sleeps", so pacing and backoff never really wait. */
    final SteppedClock clock = new SteppedClock();

    final List<String> secrets = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    EmulatorLifetime emulatorLifetime = emulator -> {};
    /** The stdout of the run in progress (for a lifetime hook that reads what was printed so far). */
    volatile StringWriter currentOut;

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        String all() {
            return out + err;
        }
    }

    /** Marks a value (token, password) that must never appear in any output. */
    Cli secret(String value) {
        secrets.add(value);
        return this;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        currentOut = out;
        StringWriter err = new StringWriter();
        Sleeper recording = d -> {
            synchronized (sleeps) {
                sleeps.add(d);
                clock.advance(d);
            }
        };
        CliContext ctx = new CliContext(env, recording, clock, emulatorLifetime);
        int exit = CsmsCli.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        Result r = new Result(exit, out.toString(), err.toString());
        synchronized (results) {
            results.add(r);
        }
        return r;
    }

    void assertNoSecretLeaked() {
        for (Result r : results) {
            for (String s : secrets) {
                assertThat(r.all()).as("output must not contain a secret").doesNotContain(s);
            }
        }
    }

    /** A clock that starts at the real time and then moves only by what was "slept". */
    static final class SteppedClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.now();

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public synchronized java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
