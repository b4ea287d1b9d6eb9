package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.regex.Pattern;

/** A Huawei Cloud project id: 32 to 64 ASCII letters and digits (in practice 32 lowercase hex). */
public final class ProjectId {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9]{32,64}");

    private final String value;

    private ProjectId(String value) {
        this.value = value;
    }

    /** Validates a project id; surrounding whitespace is not forgiven, because a project id is never typed with it. */
    public static ProjectId of(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException(
                    "Project id is missing: give the project id of the region (32 to 64 letters and digits;"
                            + " Huawei Cloud console > My Credentials > API Credentials).");
        }
        if (!ALLOWED.matcher(raw).matches()) {
            throw new InvalidInputException("Project id " + LogText.quote(raw)
                    + " is invalid: it must be 32 to 64 ASCII letters and digits (" + raw.length()
                    + " characters given).");
        }
        return new ProjectId(raw);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
