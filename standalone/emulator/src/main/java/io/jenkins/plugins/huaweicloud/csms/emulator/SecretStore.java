package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Secrets per project, kept sorted by name because the list API pages by name. A secret scheduled for deletion
 * stays (state {@code PENDING_DELETE}) until its {@code scheduled_delete_time} has passed on the clock; then it is
 * gone as if CSMS had deleted it.
 */
final class SecretStore {
    static final String ENABLED = "ENABLED";
    static final String PENDING_DELETE = "PENDING_DELETE";

    /** The key CSMS uses when a create names none (the emulator's fixed stand-in for the csms/default key). */
    static final String DEFAULT_KMS_KEY_ID = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";

    /** One stored secret. The value is kept only so the store is honest; no API returns it. */
    record Secret(
            String id,
            String name,
            String value,
            String secretType,
            String state,
            long createTime,
            long updateTime,
            String description,
            String kmsKeyId,
            Long scheduledDeleteTime,
            Map<String, String> tags) {

        Secret {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        boolean pending() {
            return PENDING_DELETE.equals(state);
        }

        private Secret with(String newState, long now, Long deleteTime, Map<String, String> newTags) {
            return new Secret(
                    id, name, value, secretType, newState, createTime, now, description, kmsKeyId, deleteTime, newTags);
        }
    }

    /** What a create asks for; exactly one of value (text or base64 binary) is given. */
    record NewSecret(String name, String value, String secretType, String description, String kmsKeyId) {}

    /** One page of a listing: the items and the marker for the next page ({@code null} at the end). */
    record Page(List<Secret> items, String nextMarker) {}

    /** The result of a change by name: the secret after it, or why there was none. */
    record Change(Status status, Secret secret) {
        enum Status {
            DONE,
            ABSENT,
            PENDING,
            NOT_PENDING
        }
    }

    private final Clock clock;
    private final Map<String, NavigableMap<String, Secret>> projects = new ConcurrentHashMap<>();

    SecretStore(Clock clock) {
        this.clock = clock;
    }

    /** Creates a secret; {@code null} when the name is already taken in that project. */
    Secret create(String projectId, NewSecret spec) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            if (secrets.containsKey(spec.name())) {
                return null;
            }
            long now = clock.millis();
            Secret secret = new Secret(
                    UUID.randomUUID().toString(),
                    spec.name(),
                    spec.value(),
                    spec.secretType() == null ? "COMMON" : spec.secretType(),
                    ENABLED,
                    now,
                    now,
                    spec.description() == null ? "" : spec.description(),
                    spec.kmsKeyId() == null ? DEFAULT_KMS_KEY_ID : spec.kmsKeyId(),
                    null,
                    Map.of());
            secrets.put(spec.name(), secret);
            return secret;
        }
    }

    Secret create(String projectId, String name, String value) {
        return create(projectId, new NewSecret(name, value, null, null, null));
    }

    Secret get(String projectId, String name) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            return secrets.get(name);
        }
    }

    /** Deletes at once whatever its state (the Java API); {@code false} when there was nothing to delete. */
    boolean delete(String projectId, String name) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            return secrets.remove(name) != null;
        }
    }

    /** The API's immediate delete: refused while a scheduled deletion is pending. */
    Change deleteNow(String projectId, String name) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            Secret s = secrets.get(name);
            if (s == null) {
                return new Change(Change.Status.ABSENT, null);
            }
            if (s.pending()) {
                return new Change(Change.Status.PENDING, s);
            }
            secrets.remove(name);
            return new Change(Change.Status.DONE, s);
        }
    }

    /** Schedules the deletion {@code days} from now; a secret already pending is refused. */
    Change scheduleDeletion(String projectId, String name, int days) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            Secret s = secrets.get(name);
            if (s == null) {
                return new Change(Change.Status.ABSENT, null);
            }
            if (s.pending()) {
                return new Change(Change.Status.PENDING, s);
            }
            long now = clock.millis();
            Secret after =
                    s.with(PENDING_DELETE, now, now + Duration.ofDays(days).toMillis(), s.tags());
            secrets.put(name, after);
            return new Change(Change.Status.DONE, after);
        }
    }

    /** Cancels a scheduled deletion; a secret that is not pending is refused. */
    Change cancelDeletion(String projectId, String name) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            Secret s = secrets.get(name);
            if (s == null) {
                return new Change(Change.Status.ABSENT, null);
            }
            if (!s.pending()) {
                return new Change(Change.Status.NOT_PENDING, s);
            }
            Secret after = s.with(ENABLED, clock.millis(), null, s.tags());
            secrets.put(name, after);
            return new Change(Change.Status.DONE, after);
        }
    }

    /** The secret with this id, or {@code null}. */
    Secret byId(String projectId, String id) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            for (Secret s : secrets.values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * Replaces the tags of the secret with this id, if it still exists.
     *
     * @return the secret after the change, or {@code null} when there is no such secret
     */
    Secret replaceTags(String projectId, String id, Map<String, String> tags) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            for (Secret s : secrets.values()) {
                if (s.id().equals(id)) {
                    Secret after = s.with(s.state(), clock.millis(), s.scheduledDeleteTime(), tags);
                    secrets.put(s.name(), after);
                    return after;
                }
            }
            return null;
        }
    }

    /** Every secret of the project that the filter accepts, in name order. */
    List<Secret> matching(String projectId, Predicate<Secret> filter) {
        NavigableMap<String, Secret> secrets = project(projectId);
        synchronized (secrets) {
            List<Secret> out = new ArrayList<>();
            for (Secret s : secrets.values()) {
                if (filter.test(s)) {
                    out.add(s);
                }
            }
            return out;
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

    // Every access goes through here: a scheduled deletion whose time has come is carried out first.
    private NavigableMap<String, Secret> project(String projectId) {
        NavigableMap<String, Secret> secrets = projects.computeIfAbsent(projectId, p -> new TreeMap<>());
        long now = clock.millis();
        synchronized (secrets) {
            secrets.values()
                    .removeIf(s -> s.scheduledDeleteTime() != null && s.pending() && s.scheduledDeleteTime() <= now);
        }
        return secrets;
    }
}
