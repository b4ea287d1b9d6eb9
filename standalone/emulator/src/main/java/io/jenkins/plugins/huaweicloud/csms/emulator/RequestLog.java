package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counters for tests. Recorded before the answer is written, so a client never outruns them. */
final class RequestLog {
    /** Keeps memory bounded when the standalone emulator runs for a long time. */
    private static final int MAX_KEPT = 100_000;

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, Integer> perMethodAndPath = new HashMap<>();
    private long total;
    private long throttled;

    synchronized void record(RecordedRequest request) {
        total++;
        if (request.status() == 429) {
            throttled++;
        }
        perMethodAndPath.merge(key(request.method(), request.path()), 1, Integer::sum);
        if (requests.size() < MAX_KEPT) {
            requests.add(request);
        }
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized long total() {
        return total;
    }

    synchronized long throttled() {
        return throttled;
    }

    synchronized int count(String method, String path) {
        return perMethodAndPath.getOrDefault(key(method, path), 0);
    }

    synchronized void reset() {
        requests.clear();
        perMethodAndPath.clear();
        total = 0;
        throttled = 0;
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }
}
