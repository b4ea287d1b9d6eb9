package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults in force: global latency, seeded random latency, seeded error rate and the scripted
 * answers per secret name. Every method is synchronized: tests change faults while requests run.
 */
final class FaultPlan {
    private static final int[] RANDOM_ERROR_STATUSES = {500, 502, 503};

    private Duration latency = Duration.ZERO;
    private Duration randomLatencyMax = Duration.ZERO;
    private Random latencyRandom = new Random(0);
    private double errorRate;
    private Random errorRandom = new Random(0);
    private final Map<String, Deque<Fault>> scripts = new HashMap<>();

    synchronized void latency(Duration fixed) {
        requireNotNegative(fixed);
        this.latency = fixed;
    }

    synchronized void randomLatency(Duration max, long seed) {
        requireNotNegative(max);
        this.randomLatencyMax = max;
        this.latencyRandom = new Random(seed);
    }

    synchronized void errorRate(double rate, long seed) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("error rate must be within 0..1: " + rate);
        }
        this.errorRate = rate;
        this.errorRandom = new Random(seed);
    }

    /** Fixed latency plus a seeded random part in {@code [0, max]}, drawn once per request. */
    synchronized Duration nextDelay() {
        long maxMillis = randomLatencyMax.toMillis();
        long random = maxMillis == 0 ? 0 : (long) (latencyRandom.nextDouble() * (maxMillis + 1));
        return latency.plusMillis(Math.min(random, maxMillis));
    }

    /**
     * Draws whether this request fails at random.
     *
     * @return 500, 502 or 503 for a failure, 0 to answer normally
     */
    synchronized int nextRandomError() {
        if (errorRate == 0.0) {
            return 0;
        }
        if (errorRandom.nextDouble() >= errorRate) {
            return 0;
        }
        return RANDOM_ERROR_STATUSES[errorRandom.nextInt(RANDOM_ERROR_STATUSES.length)];
    }

    synchronized void script(String secretName, List<Fault> faults) {
        scripts.computeIfAbsent(secretName, n -> new ArrayDeque<>()).addAll(faults);
    }

    synchronized void script(String secretName, Fault... faults) {
        script(secretName, Arrays.asList(faults));
    }

    /** Takes the next scripted entry for this name if it applies to the method, else {@code null}. */
    synchronized Fault take(String secretName, String method) {
        Deque<Fault> queue = scripts.get(secretName);
        if (queue == null || queue.isEmpty() || !queue.peekFirst().appliesTo(method)) {
            return null;
        }
        Fault next = queue.pollFirst();
        if (queue.isEmpty()) {
            scripts.remove(secretName);
        }
        return next;
    }

    synchronized int pending(String secretName) {
        Deque<Fault> queue = scripts.get(secretName);
        return queue == null ? 0 : queue.size();
    }

    synchronized void clearScripts() {
        scripts.clear();
    }

    private static void requireNotNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + d);
        }
    }
}
