package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;

/**
 * An IAM agency to assume for cross-account work: its name, the account (domain) that created it, by name or by id,
 * and how long the temporary keys should last (15 minutes to 24 hours; IAM's default is 15 minutes).
 */
public record Agency(String name, String domain, boolean domainIsId, Duration duration) {
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    public Agency {
        name = check("Agency name", name);
        domain = check(domainIsId ? "Agency account (domain) id" : "Agency account (domain) name", domain);
        if (duration == null) {
            duration = DEFAULT_DURATION;
        }
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidInputException("Agency duration " + duration.toSeconds() + " s is invalid: it must be"
                    + " from " + MIN_DURATION.toSeconds() + " to " + MAX_DURATION.toSeconds() + " seconds.");
        }
    }

    /** The agency {@code name} created by the account named {@code domainName}, for the default duration. */
    public static Agency of(String name, String domainName) {
        return new Agency(name, domainName, false, null);
    }

    public Agency withDuration(Duration d) {
        return new Agency(name, domain, domainIsId, d);
    }

    /** The stripped value, or a refusal naming {@code what} and what is allowed. */
    static String check(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is missing.");
        }
        String v = value.strip();
        if (v.length() > 64 || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(what + " " + LogText.quote(v)
                    + " is invalid: it must be 1 to 64 characters without control characters.");
        }
        return v;
    }
}
