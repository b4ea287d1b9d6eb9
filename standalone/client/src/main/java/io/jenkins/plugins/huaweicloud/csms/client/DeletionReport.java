package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link DeletionJob} did: the results (in the order the names were given; by name for a prefix), the worst
 * outcome, a one-line summary and reason, and the value a Pipeline step returns.
 */
public final class DeletionReport {
    private final DeletionPlan.Kind kind;
    private final List<DeletionResult> results;
    private final List<SecretName> wouldDelete;
    private final int throttledAnswers;

    private DeletionReport(
            DeletionPlan.Kind kind, List<DeletionResult> results, List<SecretName> wouldDelete, int throttledAnswers) {
        this.kind = kind;
        this.results = List.copyOf(results);
        this.wouldDelete = wouldDelete == null ? null : List.copyOf(wouldDelete);
        this.throttledAnswers = throttledAnswers;
    }

    /** The results of a run, put back in the order of {@code names} (they arrive in the order they finish). */
    static DeletionReport of(
            DeletionPlan.Kind kind, List<SecretName> names, List<DeletionResult> finished, int throttledAnswers) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            position.put(names.get(i).value(), i);
        }
        List<DeletionResult> ordered = new ArrayList<>(finished);
        ordered.sort(Comparator.comparingInt(r -> position.getOrDefault(r.name(), Integer.MAX_VALUE)));
        return new DeletionReport(kind, ordered, null, throttledAnswers);
    }

    static DeletionReport dryRun(DeletionPlan.Kind kind, List<SecretName> wouldDelete) {
        return new DeletionReport(kind, List.of(), wouldDelete, 0);
    }

    public List<DeletionResult> results() {
        return results;
    }

    /** For a dry run, the names a real run would delete; otherwise null. */
    public List<SecretName> wouldDelete() {
        return wouldDelete;
    }

    /** The worst outcome (SUCCESS for none). */
    public Outcome worst() {
        return Outcome.worstOf(results.stream().map(DeletionResult::outcome).toList());
    }

    /**
     * Whether the front end must fail the step: the worst outcome is FAILURE and the caller did not ask to get the
     * results back instead ({@code failOnError: false}).
     */
    public boolean failsTheStep(boolean failOnError) {
        return failOnError && worst() == Outcome.FAILURE;
    }

    /** E.g. {@code 3 secrets: 1 SUCCESS, 1 UNSTABLE, 1 FAILURE (2 throttled answers)}. */
    public String summary() {
        int[] counts = new int[Outcome.values().length];
        results.forEach(r -> counts[r.outcome().ordinal()]++);
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (counts[o.ordinal()] > 0) {
                parts.add(counts[o.ordinal()] + " " + o);
            }
        }
        String throttled = throttledAnswers > 0 ? " (" + throttledAnswers + " throttled answers)" : "";
        if (results.isEmpty()) {
            return "0 secrets" + throttled;
        }
        return results.size()
                + (results.size() == 1 ? " secret: " : " secrets: ")
                + String.join(", ", parts)
                + throttled;
    }

    /**
     * One line saying why the outcome is the worst one, e.g. {@code FAILURE: secret pr-1: not allowed (HTTP 403
     * CSMS.0401, request id …)}; for SUCCESS, that all were handled.
     */
    public String reason() {
        Outcome worst = worst();
        List<DeletionResult> worstOnes =
                results.stream().filter(r -> r.outcome() == worst).toList();
        if (worst == Outcome.SUCCESS || worstOnes.isEmpty()) {
            return "All " + results.size() + " secrets were deleted or handled.";
        }
        DeletionResult first = worstOnes.get(0);
        String detail = first.reason()
                + (first.status() != 0 ? " (HTTP " + first.status() : " (no HTTP answer")
                + (first.errorCode() != null ? " " + first.errorCode() : "")
                + (first.requestId() != null ? ", request id " + first.requestId() : "")
                + ")";
        return worstOnes.size() == 1
                ? worst + ": secret " + first.name() + ": " + detail
                : worst + ": secrets "
                        + String.join(
                                ", ",
                                worstOnes.stream().map(DeletionResult::name).toList()) + ": first: "
                        + detail;
    }

    /**
     * What a Pipeline step returns (plain serializable collections): for {@code name} one map of
     * {@link DeletionResult#toMap()}; for {@code names} and {@code prefix} a list of such maps; for a dry run the
     * list of names a real run would delete.
     */
    public Object value() {
        if (wouldDelete != null) {
            return new ArrayList<>(wouldDelete.stream().map(SecretName::value).toList());
        }
        List<Map<String, Object>> maps = new ArrayList<>(results.size());
        results.forEach(r -> maps.add(new LinkedHashMap<>(r.toMap())));
        return kind == DeletionPlan.Kind.NAME && maps.size() == 1 ? maps.get(0) : maps;
    }
}
