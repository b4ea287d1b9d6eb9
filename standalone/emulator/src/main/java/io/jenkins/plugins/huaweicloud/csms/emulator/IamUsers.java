package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** IAM users (account + user name + password) and the projects each may scope a token to. */
final class IamUsers {

    /** How a password login ended. */
    enum Outcome {
        OK,
        BAD_CREDENTIALS,
        PROJECT_NOT_ALLOWED
    }

    private record User(String password, Set<String> projects) {}

    private final Map<String, User> users = new ConcurrentHashMap<>();

    /** Adds a user, or another allowed project for an existing user with the same password. */
    void add(String domain, String name, String password, String projectId) {
        users.compute(key(domain, name), (k, old) -> {
            if (old != null && !old.password().equals(password)) {
                throw new IllegalArgumentException("user " + name + " of " + domain + " has another password");
            }
            Set<String> projects = old == null ? ConcurrentHashMap.newKeySet() : old.projects();
            projects.add(projectId);
            return old == null ? new User(password, projects) : old;
        });
    }

    Outcome check(String domain, String name, String password, String projectId) {
        User user = users.get(key(domain, name));
        if (user == null || !constantTimeEquals(user.password(), password)) {
            return Outcome.BAD_CREDENTIALS;
        }
        return user.projects().contains(projectId) ? Outcome.OK : Outcome.PROJECT_NOT_ALLOWED;
    }

    private static String key(String domain, String name) {
        return domain + "\u0000" + name;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
