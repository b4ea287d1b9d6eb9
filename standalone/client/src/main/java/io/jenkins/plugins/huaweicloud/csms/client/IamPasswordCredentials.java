package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Objects;

/**
 * An IAM user's password login, scoped to one project (CSMS needs a project-scoped token). {@link #toString()}
 * never shows the password.
 */
public record IamPasswordCredentials(
        Endpoint iamEndpoint, String domain, String user, String password, ProjectId project) {

    public IamPasswordCredentials {
        Objects.requireNonNull(iamEndpoint, "iamEndpoint");
        Objects.requireNonNull(project, "project");
        domain = requireName("Account (domain) name", domain);
        user = requireName("IAM user name", user);
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("IAM password is missing for user " + LogText.quote(user) + ".");
        }
        if (password.length() > 1024) {
            throw new InvalidInputException(
                    "IAM password for user " + LogText.quote(user) + " is invalid: it is longer than 1024 characters.");
        }
    }

    private static String requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is missing: it is needed to exchange a password for a token.");
        }
        String v = value.strip();
        if (v.length() > 64 || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(what + " " + LogText.quote(v)
                    + " is invalid: it must be 1 to 64 characters without control characters.");
        }
        return v;
    }

    @Override
    public String toString() {
        return "IamPasswordCredentials[iam=" + iamEndpoint + ", domain=" + domain + ", user=" + user
                + ", password=****, project=" + project + "]";
    }
}
