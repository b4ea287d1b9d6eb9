package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Locale;

/** What a deletion means for a build, from best to worst. */
public enum Outcome {
    SUCCESS,
    UNSTABLE,
    FAILURE;

    /** The worse of the two. */
    public Outcome worse(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The worst outcome of several; SUCCESS for none. */
    public static Outcome worstOf(Iterable<Outcome> outcomes) {
        Outcome worst = SUCCESS;
        for (Outcome o : outcomes) {
            worst = worst.worse(o);
        }
        return worst;
    }

    /** Parses SUCCESS, UNSTABLE or FAILURE in any case. */
    public static Outcome parse(String text) {
        if (text != null) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            for (Outcome o : values()) {
                if (o.name().equals(t)) {
                    return o;
                }
            }
        }
        throw new InvalidInputException(
                "Outcome " + LogText.quote(text) + " is invalid: it must be SUCCESS, UNSTABLE or FAILURE.");
    }
}
