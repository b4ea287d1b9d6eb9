package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the secrets whose names start with a prefix, with the safety rails a bulk delete needs: a prefix of at
 * least 3 characters, and a maximum count above which nothing is deleted at all.
 */
public final class PrefixTeardown {
    public static final int MIN_PREFIX_LENGTH = 3;
    public static final int DEFAULT_MAX_COUNT = 100;

    private PrefixTeardown() {}

    /** What a prefix matched. {@code names} holds at most {@code maxCount} names; {@code matched} counts them all. */
    public record Plan(String prefix, List<SecretName> names, int matched, int maxCount, int skippedInvalid) {
        public boolean overLimit() {
            return matched > maxCount;
        }

        /** Why nothing may be deleted, or null when the plan is within its limit. */
        public String refusal() {
            return overLimit()
                    ? matched + " secrets start with '" + prefix + "', more than the maximum of " + maxCount
                            + ": nothing was deleted. Use a longer prefix or raise the maximum count."
                    : null;
        }
    }

    /** Validates a prefix: 3 to 64 characters of A-Z, a-z, 0-9, '_' or '-'. */
    public static String checkPrefix(String prefix) {
        if (prefix == null || prefix.length() < MIN_PREFIX_LENGTH) {
            throw new InvalidInputException("Prefix " + LogText.quote(prefix) + " is invalid: it must be at least "
                    + MIN_PREFIX_LENGTH + " characters, so that one mistake cannot delete a whole project.");
        }
        SecretName.of(prefix); // same characters as a name
        return prefix;
    }

    /** Lists the project and plans the deletion; sends no DELETE. */
    public static Plan plan(CsmsClient client, ProjectId project, String prefix, int maxCount)
            throws ListingException, InterruptedException {
        return plan(client, Pacer.NONE, project, prefix, maxCount);
    }

    /** The same, with the listing's pages paced by the run's pacer. */
    static Plan plan(CsmsClient client, Pacer pacer, ProjectId project, String prefix, int maxCount)
            throws ListingException, InterruptedException {
        checkPrefix(prefix);
        if (maxCount < 1) {
            throw new InvalidInputException("Maximum count " + maxCount + " is invalid: it must be at least 1.");
        }
        List<SecretName> names = new ArrayList<>();
        int[] matched = {0};
        int[] skipped = {0};
        new SecretLister(client, pacer).forEachName(project, name -> {
            if (!name.startsWith(prefix)) {
                return;
            }
            SecretName valid;
            try {
                valid = SecretName.of(name);
            } catch (InvalidInputException e) {
                skipped[0]++;
                return;
            }
            matched[0]++;
            if (names.size() < maxCount) {
                names.add(valid);
            }
        });
        Collections.sort(names);
        return new Plan(prefix, List.copyOf(names), matched[0], maxCount, skipped[0]);
    }
}
