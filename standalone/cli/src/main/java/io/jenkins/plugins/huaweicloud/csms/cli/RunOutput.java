package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Outcome;
import io.jenkins.plugins.huaweicloud.csms.client.SecretRedactor;
import java.io.PrintWriter;

/**
 * Everything a deletion run prints goes through here: one line per result on stdout, reasons and notes on stderr,
 * each line passed through the run's redactor and flushed, one line at a time whatever thread prints it. It also
 * counts what it printed, for a summary when the run is stopped before the batch could give one.
 */
final class RunOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final SecretRedactor redactor;
    private int reported;
    private int succeeded;
    private int unstable;
    private int failed;
    private Outcome worst = Outcome.SUCCESS;

    RunOutput(PrintWriter out, PrintWriter err, OutputFormat format, SecretRedactor redactor) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.redactor = redactor;
    }

    /** The result's stdout line (the job logs its reason on stderr right after). */
    synchronized void result(DeletionResult r) {
        out.println(redactor.redact(format.line(r)));
        out.flush();
        reported++;
        switch (r.outcome()) {
            case SUCCESS -> succeeded++;
            case UNSTABLE -> unstable++;
            case FAILURE -> failed++;
        }
        worst = worst.worse(r.outcome());
    }

    /** A stdout line that is not a result (a dry run's names). */
    synchronized void line(String text) {
        out.println(redactor.redact(text));
        out.flush();
    }

    /** {@code csms: message} on stderr. */
    synchronized void note(String message) {
        err.println("csms: " + redactor.redact(message));
        err.flush();
    }

    /** {@code csms COMMAND: message} on stderr, for a problem that ends the command. */
    synchronized void problem(String command, String message) {
        err.println("csms " + command + ": " + redactor.redact(message));
        err.flush();
    }

    /** A note printed as is: the stop controller's own words, from a signal thread. */
    void noteAsIs(String line) {
        synchronized (this) {
            err.println(line);
            err.flush();
        }
    }

    SecretRedactor redactor() {
        return redactor;
    }

    synchronized int reported() {
        return reported;
    }

    synchronized Outcome worst() {
        return worst;
    }

    /** What was printed so far, e.g. {@code 2 secrets: 1 SUCCESS, 1 UNSTABLE}. */
    synchronized String counts() {
        StringBuilder s = new StringBuilder().append(reported).append(reported == 1 ? " secret" : " secrets");
        String sep = ": ";
        if (succeeded > 0) {
            s.append(sep).append(succeeded).append(" SUCCESS");
            sep = ", ";
        }
        if (unstable > 0) {
            s.append(sep).append(unstable).append(" UNSTABLE");
            sep = ", ";
        }
        if (failed > 0) {
            s.append(sep).append(failed).append(" FAILURE");
        }
        return s.toString();
    }
}
