package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One deletion as a front end received it, field by field, before anything is validated or resolved: the Pipeline
 * step, the freestyle build step and post-build action, and {@code csms delete} all build one and hand it to
 * {@link DeletionJob#plan}. Blank text counts as not given; a null number means "not given" (the configured default,
 * then the built-in one, applies).
 *
 * <p>The target is exactly one of {@code name}, {@code names} and {@code prefix}. New kinds of target (tags) and of
 * deletion (scheduled, with a waiting period) become new fields here and new cases in {@link DeletionPlan.Target}.
 */
public final class DeletionRequest {
    /** What the job asks of each secret. */
    public enum Action {
        /** Delete now (the default): cannot be undone. */
        DELETE,
        /** Schedule the deletion after a recovery window of 7 to 30 days ({@code recoveryDays}, default 30). */
        SCHEDULE_DELETION,
        /** Cancel a scheduled deletion. */
        RESTORE
    }

    private final String project;
    private final String name;
    private final List<String> names;
    private final String prefix;
    private final Integer maxCount;
    private final boolean dryRun;
    private final String credentialsId;
    private final String endpoint;
    private final String region;
    private final String iamDomain;
    private final String agencyName;
    private final String agencyDomain;
    private final String ifMissing;
    private final Integer attempts;
    private final Integer timeoutSeconds;
    private final Integer concurrency;
    private final Double rate;
    private final List<String> tags;
    private final Action action;
    private final Integer recoveryDays;

    private DeletionRequest(Builder b) {
        this.tags = b.tags == null ? null : Collections.unmodifiableList(new ArrayList<>(b.tags));
        this.action = b.action == null ? Action.DELETE : b.action;
        this.recoveryDays = b.recoveryDays;
        this.project = blankToNull(b.project);
        this.name = blankToNull(b.name);
        this.names = b.names == null ? null : Collections.unmodifiableList(new ArrayList<>(b.names));
        this.prefix = blankToNull(b.prefix);
        this.maxCount = b.maxCount;
        this.dryRun = b.dryRun;
        this.credentialsId = blankToNull(b.credentialsId);
        this.endpoint = blankToNull(b.endpoint);
        this.region = blankToNull(b.region);
        this.iamDomain = blankToNull(b.iamDomain);
        this.agencyName = blankToNull(b.agencyName);
        this.agencyDomain = blankToNull(b.agencyDomain);
        this.ifMissing = blankToNull(b.ifMissing);
        this.attempts = b.attempts;
        this.timeoutSeconds = b.timeoutSeconds;
        this.concurrency = b.concurrency;
        this.rate = b.rate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Null for 0: Jenkins forms and Jenkinsfiles use 0 for "not given". */
    public static Integer unlessZero(int value) {
        return value == 0 ? null : value;
    }

    /** A names text as a form keeps it: one name per line, in the order given; null when there are none. */
    public static String normalizeNames(String text) {
        List<String> names = splitNames(text);
        return names == null ? null : String.join("\n", names);
    }

    /** The names of a text field: separated by spaces, commas or line breaks; null when there are none. */
    public static List<String> splitNames(String text) {
        String t = blankToNull(text);
        return t == null ? null : List.of(t.split("[\\s,]+"));
    }

    public String project() {
        return project;
    }

    public String name() {
        return name;
    }

    public List<String> names() {
        return names;
    }

    public String prefix() {
        return prefix;
    }

    public Integer maxCount() {
        return maxCount;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public String credentialsId() {
        return credentialsId;
    }

    public String endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public String iamDomain() {
        return iamDomain;
    }

    /** The agency to assume with an access key, or null (then the configured one, with the configured credential). */
    public String agencyName() {
        return agencyName;
    }

    /** The account (domain) name that created {@link #agencyName()}. */
    public String agencyDomain() {
        return agencyDomain;
    }

    public String ifMissing() {
        return ifMissing;
    }

    public Integer attempts() {
        return attempts;
    }

    public Integer timeoutSeconds() {
        return timeoutSeconds;
    }

    public Integer concurrency() {
        return concurrency;
    }

    public Double rate() {
        return rate;
    }

    /** {@code KEY=VALUE} tags selecting the secrets, or null. */
    public List<String> tags() {
        return tags;
    }

    public Action action() {
        return action;
    }

    /** With {@link Action#SCHEDULE_DELETION}: the recovery window in days, or null for the default (30). */
    public Integer recoveryDays() {
        return recoveryDays;
    }

    /** Whether the request chose where it goes, instead of the configuration. */
    public boolean overridesEndpoint() {
        return endpoint != null || region != null;
    }

    @Override
    public String toString() {
        return "DeletionRequest[project=" + project + ", name=" + name + ", names=" + names + ", prefix=" + prefix
                + ", tags=" + tags + ", maxCount=" + maxCount + ", dryRun=" + dryRun + ", action=" + action + "]";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Named fields; every one optional here (the job says what is missing). */
    public static final class Builder {
        private String project;
        private String name;
        private List<String> names;
        private String prefix;
        private Integer maxCount;
        private boolean dryRun;
        private String credentialsId;
        private String endpoint;
        private String region;
        private String iamDomain;
        private String agencyName;
        private String agencyDomain;
        private String ifMissing;
        private Integer attempts;
        private Integer timeoutSeconds;
        private Integer concurrency;
        private Double rate;
        private List<String> tags;
        private Action action;
        private Integer recoveryDays;

        private Builder() {}

        /**
         * Every secret carrying these tags ({@code KEY=VALUE}; keys AND, values of one key OR), found by CSMS's query
         * by tag; null: not given.
         */
        public Builder tags(List<String> v) {
            tags = v;
            return this;
        }

        /** Delete now (default), schedule the deletion, or restore. */
        public Builder action(Action v) {
            action = v;
            return this;
        }

        /** With {@link Action#SCHEDULE_DELETION}: 7 to 30 days (null: CSMS's default, 30). */
        public Builder recoveryDays(Integer v) {
            recoveryDays = v;
            return this;
        }

        /**
         * A form's choice between deleting now and scheduling: null (a blank field) deletes now, a number schedules
         * the deletion with that recovery window (checked by the plan: 7 to 30 days).
         */
        public Builder deleteOrSchedule(Integer recoveryDays) {
            action = recoveryDays == null ? Action.DELETE : Action.SCHEDULE_DELETION;
            this.recoveryDays = recoveryDays;
            return this;
        }

        public Builder project(String v) {
            project = v;
            return this;
        }

        /** One secret; the job returns one result for it. */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Several secrets (null: not given); the job returns a list. */
        public Builder names(List<String> v) {
            names = v;
            return this;
        }

        /** Every secret of the project whose name starts with this (listed first). */
        public Builder prefix(String v) {
            prefix = v;
            return this;
        }

        /** With a prefix: the most secrets it may delete; more matches delete nothing. */
        public Builder maxCount(Integer v) {
            maxCount = v;
            return this;
        }

        /** Only say which secrets would be deleted; no DELETE is sent. */
        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        /** The credential the request names (null: the configured default, unless the request chose the endpoint). */
        public Builder credentialsId(String v) {
            credentialsId = v;
            return this;
        }

        public Builder endpoint(String v) {
            endpoint = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder iamDomain(String v) {
            iamDomain = v;
            return this;
        }

        /** An IAM agency to assume with an access key credential (cross-account teardown); with agencyDomain. */
        public Builder agencyName(String v) {
            agencyName = v;
            return this;
        }

        public Builder agencyDomain(String v) {
            agencyDomain = v;
            return this;
        }

        public Builder ifMissing(String v) {
            ifMissing = v;
            return this;
        }

        public Builder attempts(Integer v) {
            attempts = v;
            return this;
        }

        public Builder timeoutSeconds(Integer v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder concurrency(Integer v) {
            concurrency = v;
            return this;
        }

        public Builder rate(Double v) {
            rate = v;
            return this;
        }

        public DeletionRequest build() {
            return new DeletionRequest(this);
        }
    }
}
