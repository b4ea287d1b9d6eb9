package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Deletes many secrets with bounded concurrency and a shared request rate, over one client (one connection pool,
 * one token). Results are handed over as each secret finishes and nothing is kept per secret, so memory stays flat
 * however many names the iterator yields.
 */
public final class BatchDeletion {
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final double DEFAULT_RATE = 10.0;
    public static final int MAX_CONCURRENCY = 32;
    public static final double MAX_RATE = 100.0;
    private static final long WORKER_STOP_SECONDS = 5;

    private final CsmsClient client;
    private final int concurrency;
    private final double ratePerSecond;

    private BatchDeletion(CsmsClient client, int concurrency, double ratePerSecond) {
        this.client = client;
        this.concurrency = concurrency;
        this.ratePerSecond = ratePerSecond;
    }

    /** A batch with the defaults: 4 at a time, 10 requests per second (CSMS allows about 20 per user). */
    public static BatchDeletion of(CsmsClient client) {
        return new BatchDeletion(client, DEFAULT_CONCURRENCY, DEFAULT_RATE);
    }

    public BatchDeletion concurrency(int n) {
        if (n < 1 || n > MAX_CONCURRENCY) {
            throw new InvalidInputException(
                    "Concurrency " + n + " is invalid: it must be from 1 to " + MAX_CONCURRENCY + ".");
        }
        return new BatchDeletion(client, n, ratePerSecond);
    }

    public BatchDeletion rate(double perSecond) {
        if (!(perSecond > 0) || perSecond > MAX_RATE) {
            throw new InvalidInputException("Rate " + perSecond + " is invalid: it must be more than 0 and at most "
                    + (int) MAX_RATE + " requests per second.");
        }
        return new BatchDeletion(client, concurrency, perSecond);
    }

    /**
     * Deletes every name the iterator yields. {@code onResult} is called once per secret, from worker threads but
     * never concurrently. An interrupt stops the batch: calls in flight are cancelled and the interrupt propagates.
     */
    public BatchSummary run(ProjectId project, Iterator<SecretName> names, Consumer<DeletionResult> onResult)
            throws InterruptedException {
        return run(project, names, new RatePacer(ratePerSecond, client.clock(), client.sleeper()), onResult);
    }

    /** The same with a pacer the caller shares with other requests of the run (a listing before the deletions). */
    BatchSummary run(ProjectId project, Iterator<SecretName> names, RatePacer pacer, Consumer<DeletionResult> onResult)
            throws InterruptedException {
        Objects.requireNonNull(project, "project");
        Tally tally = new Tally(onResult);
        NameQueue shared = new NameQueue(names);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, threads());
        CompletionService<Object> done = new ExecutorCompletionService<>(workers);
        try {
            for (int i = 0; i < concurrency; i++) {
                done.submit(() -> {
                    SecretName name;
                    while ((name = shared.nextOrNull()) != null) {
                        tally.add(new DeletionCall(client, project, name, pacer).run());
                    }
                    return null;
                });
            }
            // In the order they finish: a failed worker stops the batch at once, not after the others ran dry.
            for (int i = 0; i < concurrency; i++) {
                done.take().get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("batch worker failed", cause);
        } finally {
            workers.shutdownNow();
            awaitWorkers(workers);
        }
        return tally.summary(pacer.throttles());
    }

    /** Lets interrupted workers end (a cancelled call ends within a poll), so none outlives run() or reports late. */
    private static void awaitWorkers(ExecutorService workers) {
        try {
            workers.awaitTermination(WORKER_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the names of a list (convenience for small batches). */
    public BatchSummary run(ProjectId project, List<SecretName> names, Consumer<DeletionResult> onResult)
            throws InterruptedException {
        return run(project, names.iterator(), onResult);
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "csms-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Hands each name to exactly one worker; null when none is left. */
    private static final class NameQueue {
        private final Iterator<SecretName> names;

        NameQueue(Iterator<SecretName> names) {
            this.names = names;
        }

        synchronized SecretName nextOrNull() {
            return names.hasNext() ? names.next() : null;
        }
    }

    /** Counts outcomes and passes each result on, one at a time. */
    private static final class Tally {
        private final Consumer<DeletionResult> onResult;
        private int total;
        private int succeeded;
        private int unstable;
        private int failed;
        private Outcome worst = Outcome.SUCCESS;

        Tally(Consumer<DeletionResult> onResult) {
            this.onResult = onResult;
        }

        synchronized void add(DeletionResult r) {
            total++;
            switch (r.outcome()) {
                case SUCCESS -> succeeded++;
                case UNSTABLE -> unstable++;
                case FAILURE -> failed++;
            }
            worst = worst.worse(r.outcome());
            onResult.accept(r);
        }

        synchronized BatchSummary summary(int throttles) {
            return new BatchSummary(total, succeeded, unstable, failed, throttles, worst);
        }
    }
}
