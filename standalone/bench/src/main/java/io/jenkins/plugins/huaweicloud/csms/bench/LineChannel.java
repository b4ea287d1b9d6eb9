package io.jenkins.plugins.huaweicloud.csms.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM driven line by line: it prints {@code READY ...} once, then answers each command with one line,
 * {@code OK ...} or {@code ERR ...}. Its stderr goes to ours.
 */
final class LineChannel implements AutoCloseable {
    private final Process process;
    private final BufferedReader replies;
    private final PrintWriter commands;
    final String[] ready;

    LineChannel(List<String> command) throws IOException {
        this(command, null);
    }

    /** Starts the command; {@code token}, when given, is passed in env CSMS_TOKEN (never on the command line). */
    LineChannel(List<String> command, String token) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (token != null) {
            pb.environment().put("CSMS_TOKEN", token);
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        this.process = pb.start();
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = replies.readLine();
        if (line == null || !line.startsWith("READY")) {
            process.destroyForcibly();
            throw new IOException(
                    "child " + command.get(command.size() - 1) + " did not start (first line: " + line + ")");
        }
        this.ready = line.split(" ");
    }

    /** Sends a command and returns what follows {@code OK}. */
    synchronized String command(String line) {
        commands.println(line);
        String reply;
        try {
            reply = replies.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (reply == null || !reply.startsWith("OK")) {
            throw new IllegalStateException("command '" + line + "' failed: " + reply);
        }
        return reply.substring(2).trim();
    }

    @Override
    public void close() {
        try {
            command("quit");
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroy();
        }
    }
}
