package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.function.UnaryOperator;

/**
 * The fields of a configuration page (Jenkins' global configuration) and the rule each applies when it is set, from
 * the form or a JCasC file: a bad value is refused there, with a message naming the field and what is allowed,
 * instead of failing every later build. Text settings store null for blank; number settings store the default for 0.
 */
public enum GlobalSetting {
    ENDPOINT("endpoint", GlobalSetting::endpoint),
    REGION("region", GlobalSetting::region),
    IAM_ENDPOINT("iamEndpoint", GlobalSetting::endpoint),
    IAM_DOMAIN("iamDomain", GlobalSetting::trimmed),
    AGENCY_NAME("agencyName", GlobalSetting::agency),
    AGENCY_DOMAIN("agencyDomain", GlobalSetting::agency),
    CREDENTIALS_ID("credentialsId", GlobalSetting::trimmed),
    IF_MISSING("ifMissing", GlobalSetting::ifMissing),
    ATTEMPTS("attempts", 1, ClientSettings.MAX_ATTEMPTS, DeletionDefaults.DEFAULT_ATTEMPTS),
    CONNECT_TIMEOUT(
            "connectTimeout", 1, DeletionDefaults.MAX_CONNECT_TIMEOUT, DeletionDefaults.DEFAULT_CONNECT_TIMEOUT),
    READ_TIMEOUT("readTimeout", 1, DeletionDefaults.MAX_READ_TIMEOUT, DeletionDefaults.DEFAULT_READ_TIMEOUT),
    CALL_TIMEOUT("callTimeout", 1, DeletionDefaults.MAX_CALL_TIMEOUT, DeletionDefaults.DEFAULT_CALL_TIMEOUT);

    /** A text rule: the field's name and the value as typed in, the value to store out. */
    private interface TextRule {
        String apply(String field, String value);
    }

    private final String field;
    private final TextRule textRule;
    private final int min;
    private final int max;
    private final int defaultValue;

    GlobalSetting(String field, TextRule rule) {
        this(field, rule, 0, 0, 0);
    }

    GlobalSetting(String field, int min, int max, int defaultValue) {
        this(field, null, min, max, defaultValue);
    }

    GlobalSetting(String field, TextRule rule, int min, int max, int defaultValue) {
        this.field = field;
        this.textRule = rule;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
    }

    /** The field's name on the page and in JCasC. */
    public String field() {
        return field;
    }

    /**
     * The value to store for a text setting.
     *
     * @throws InvalidInputException naming the field and what it allows
     * @throws IllegalStateException for a number setting
     */
    public String text(String value) {
        if (textRule == null) {
            throw new IllegalStateException(field + " is a number setting");
        }
        return textRule.apply(field, value);
    }

    /**
     * The value to store for a number setting: 0 is the default, anything else must be from the minimum to the
     * maximum.
     *
     * @throws InvalidInputException naming the field and what it allows
     * @throws IllegalStateException for a text setting
     */
    public int number(int value) {
        if (textRule != null) {
            throw new IllegalStateException(field + " is a text setting");
        }
        if (value == 0) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field + " " + value + " is invalid: it must be from " + min + " to " + max
                    + " (0 or empty for the default, " + defaultValue + ").");
        }
        return value;
    }

    /** The default of a number setting (what 0 stands for). */
    public int defaultNumber() {
        return defaultValue;
    }

    private static String trimmed(String field, String value) {
        return DeletionRequest.blankToNull(value);
    }

    /** Blank: the default, UNSTABLE; otherwise SUCCESS, UNSTABLE or FAILURE in any case, stored in upper case. */
    private static String ifMissing(String field, String value) {
        String v = DeletionRequest.blankToNull(value);
        if (v == null) {
            return DeletionDefaults.DEFAULT_IF_MISSING;
        }
        try {
            return Outcome.parse(v).name();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    field + " " + LogText.quote(value) + " is invalid: it must be SUCCESS, UNSTABLE or FAILURE.");
        }
    }

    /** Blank: none; otherwise an endpoint URL as {@link Endpoint#of} accepts it (https, or http for loopback). */
    private static String endpoint(String field, String value) {
        return checked(field, value, v -> {
            Endpoint.of(v);
            return v;
        });
    }

    /** Blank: none; otherwise a region id such as cn-north-4. */
    private static String region(String field, String value) {
        return checked(field, value, Endpoint::checkRegion);
    }

    /** Blank: none; otherwise an agency name or account name as IAM accepts it (1 to 64 characters). */
    private static String agency(String field, String value) {
        String v = DeletionRequest.blankToNull(value);
        return v == null ? null : Agency.check(field, v);
    }

    private static String checked(String field, String value, UnaryOperator<String> rule) {
        String v = DeletionRequest.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return rule.apply(v);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field + ": " + e.getMessage());
        }
    }
}
