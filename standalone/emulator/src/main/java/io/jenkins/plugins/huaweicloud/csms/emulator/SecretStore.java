package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets per project, kept sorted by name because the list API pages by name. */
final class SecretStore {

    /** One stored secret. The value is kept only so the store is honest; no API returns it. */
    record Secret(String id, String name, String value, String state, long createTime) {}

    /** One page of a listing: the items and the marker for the next page ({@code null} at the end). */
    record Page(List<Secret> items, String nextMarker) {}

    private final Clock clock;
    private final Map<String, NavigableMap<String, Secret>> projects = new ConcurrentHashMap<>();

    SecretStore(Clock clock) {
        this.clock = clock;
    }

    /** Creates a secret; {@code null} when the name is already taken in that project. */
    Secret create(String projectId, String name, String value) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            if (secrets.containsKey(name)) {
                return null;
            }
            Secret secret = new Secret(UUID.randomUUID().toString(), name, value, "ENABLED", clock.millis());
            secrets.put(name, secret);
            return secret;
        }
    }

    Secret get(String projectId, String name) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            return secrets.get(name);
        }
    }

    /** Deletes immediately; {@code false} when there was nothing to delete. */
    boolean delete(String projectId, String name) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            return secrets.remove(name) != null;
        }
    }

    /** Up to {@code limit} secrets with names after {@code marker} (exclusive), in name order. */
    Page list(String projectId, int limit, String marker) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            NavigableMap<String, Secret> rest = marker == null ? secrets : secrets.tailMap(marker, false);
            List<Secret> items = new ArrayList<>(Math.min(limit, rest.size()));
            for (Secret s : rest.values()) {
                if (items.size() == limit) {
                    break;
                }
                items.add(s);
            }
            boolean more = rest.size() > items.size();
            return new Page(items, more ? items.get(items.size() - 1).name() : null);
        }
    }

    List<String> names(String projectId) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            return List.copyOf(secrets.keySet());
        }
    }

    void clear() {
        projects.clear();
    }

    private NavigableMap<String, Secret> project(String projectId) {
        return projects.computeIfAbsent(projectId, p -> new TreeMap<>());
    }
}
