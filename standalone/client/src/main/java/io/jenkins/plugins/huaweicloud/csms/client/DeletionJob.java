package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The one deletion job of every front end (Pipeline step, build step, post-build action, {@code csms delete}).
 * {@link #plan} validates a request and resolves it against a configuration without sending anything; {@link #run}
 * deletes the planned secrets, paced through a {@link BatchDeletion} whatever their number, listing first for a
 * prefix, and reports as it goes.
 */
public final class DeletionJob {
    /** The highest maximum count a prefix deletion accepts. */
    public static final int MAX_PREFIX_COUNT = 10_000;

    private DeletionJob() {}

    /**
     * Validates and resolves a request, in the order a person would fix it. Sends nothing.
     *
     * @throws InvalidInputException for anything invalid or missing; the message names the field as {@code labels}
     *     calls it and says what is allowed
     */
    public static DeletionPlan plan(DeletionRequest request, DeletionDefaults defaults, ArgumentNames labels) {
        ProjectId project = ProjectId.of(request.project());
        Set<SecretName> distinct = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        DeletionPlan.Target target = target(request, labels, distinct, notes);
        int concurrency = bounded(
                labels,
                "concurrency",
                request.concurrency(),
                BatchDeletion.DEFAULT_CONCURRENCY,
                BatchDeletion.MAX_CONCURRENCY,
                "");
        double rate = request.rate() != null ? request.rate() : BatchDeletion.DEFAULT_RATE;
        if (!(rate > 0) || rate > BatchDeletion.MAX_RATE) {
            throw new InvalidInputException(labels.of("rate") + " " + rate + " is invalid: it must be more than 0 and"
                    + " at most " + (int) BatchDeletion.MAX_RATE + " requests per second.");
        }
        Endpoint endpoint = endpoint(request, defaults, labels);
        ClientSettings settings = settings(request, defaults, labels);
        String credentialsId = credentialsId(request, defaults, labels, endpoint);
        return new DeletionPlan(
                project,
                target,
                request.dryRun(),
                endpoint,
                settings,
                credentialsId,
                iamEndpoint(request, defaults),
                request.iamDomain() != null ? request.iamDomain() : defaults.iamDomain(),
                notes,
                concurrency,
                rate,
                operation(request, labels),
                agency(request, defaults, labels));
    }

    private static SecretOperation operation(DeletionRequest request, ArgumentNames labels) {
        switch (request.action()) {
            case SCHEDULE_DELETION:
                int days =
                        request.recoveryDays() != null ? request.recoveryDays() : SecretOperation.DEFAULT_RECOVERY_DAYS;
                try {
                    return SecretOperation.schedule(days);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(labels.of("recoveryDays") + ": " + e.getMessage());
                }
            case RESTORE:
                return SecretOperation.cancelDeletion();
            default:
                return SecretOperation.delete();
        }
    }

    /**
     * Runs a plan: lists the project for a prefix, then deletes (or, for a dry run, only reports) the secrets, at
     * most {@code concurrency} at a time and {@code rate} requests per second, listing included. Each result goes to
     * the listener as it finishes, with its log line. Every line the listener gets has passed the client's
     * {@link SecretRedactor} (set one on the builder to share it with the front end's own output).
     *
     * @param client a client builder carrying the front end's token source (and its proxy, clock, sleeper); the
     *     plan sets the endpoint, settings and progress
     * @throws DeletionRefusedException when the listing failed or a prefix matched too many secrets (nothing was
     *     deleted)
     * @throws InterruptedException when the thread is interrupted; calls in flight are cancelled first
     */
    public static DeletionReport run(DeletionPlan plan, CsmsClient.Builder client, JobListener listener)
            throws DeletionRefusedException, InterruptedException {
        return run(plan, client, listener, () -> false);
    }

    /**
     * The same, for a run that may be stopped cleanly (a command line's SIGTERM): once {@code stopping} holds, the
     * batch starts no secret and retries nothing; calls in flight finish and are reported. The secrets never sent
     * are missing from the report.
     */
    public static DeletionReport run(
            DeletionPlan plan, CsmsClient.Builder client, JobListener jobListener, BooleanSupplier stopping)
            throws DeletionRefusedException, InterruptedException {
        CsmsClient csms = client.endpoint(plan.endpoint())
                .settings(plan.settings())
                .progress(jobListener::log)
                .build();
        SecretRedactor redactor = csms.redactor();
        JobListener listener = new Redacted(jobListener, redactor);
        RatePacer pacer = new RatePacer(plan.rate(), csms.clock(), csms.sleeper());
        plan.notes().forEach(listener::log);
        DeletionPlan.Target target = plan.target();
        List<SecretName> names = target.names();
        String where = " of project " + plan.project().value() + " at "
                + plan.endpoint().host() + " with credentials \"" + plan.credentialsId() + "\"";
        if (target.kind() == DeletionPlan.Kind.PREFIX) {
            listener.log("Listing the secrets whose names start with '" + target.prefix() + "'" + where);
            names = matching(csms, pacer, plan, listener);
        }
        if (target.kind() == DeletionPlan.Kind.TAGS) {
            listener.log("Listing the secrets tagged " + TagTeardown.describe(target.tags()) + where);
            names = tagged(csms, pacer, plan, listener);
        }
        SecretOperation operation = plan.operation();
        if (plan.dryRun()) {
            for (SecretName name : names) {
                listener.wouldDelete(name);
                listener.log("dry run: would " + operation.verb() + " " + name);
            }
            listener.log(
                    "dry run: " + names.size() + " secrets would be " + operation.pastVerb() + "; nothing was sent.");
            return DeletionReport.dryRun(target.kind(), names);
        }
        if (names.isEmpty()) {
            return DeletionReport.of(target.kind(), List.of(), List.of(), 0, redactor);
        }
        listener.log(operation.gerund() + " " + names.size() + (names.size() == 1 ? " secret" : " secrets") + where);
        listener.deleting(names);
        List<DeletionResult> results = Collections.synchronizedList(new ArrayList<>(names.size()));
        BatchSummary summary = BatchDeletion.of(csms)
                .concurrency(plan.concurrency())
                .rate(plan.rate())
                .stopWhen(stopping)
                .operation(operation)
                .run(plan.project(), names.iterator(), pacer, r -> {
                    results.add(r);
                    listener.result(r);
                    listener.log(r.toLogLine());
                });
        return DeletionReport.of(target.kind(), names, results, summary.throttledAnswers(), redactor);
    }

    /** A listener whose every line passes the run's redactor: lines carry server text (reasons, messages, ids). */
    private record Redacted(JobListener target, SecretRedactor redactor) implements JobListener {
        @Override
        public void log(String line) {
            target.log(redactor.redact(line));
        }

        @Override
        public void result(DeletionResult result) {
            target.result(result);
        }

        @Override
        public void wouldDelete(SecretName name) {
            target.wouldDelete(name);
        }

        @Override
        public void deleting(List<SecretName> names) {
            target.deleting(names);
        }
    }

    /**
     * The URL a request would go to, for matching credentials to it in a form (their domain requirements), or null
     * when the values are incomplete or invalid (the form's own checks say why).
     */
    public static String endpointUrlOrNull(String endpoint, String region, DeletionDefaults defaults) {
        DeletionRequest request =
                DeletionRequest.builder().endpoint(endpoint).region(region).build();
        try {
            return endpoint(request, defaults, ArgumentNames.JENKINS).url();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The longest a secret's deletion may take: max(5 min, attempts x (timeout + 30 s)), at most 2 hours. */
    public static Duration deadlineFor(int attempts, Duration callTimeout) {
        // Each attempt is the call itself plus at most the capped backoff before the next one.
        Duration perAttempts = callTimeout.plusSeconds(30).multipliedBy(attempts);
        Duration atLeast = perAttempts.compareTo(Duration.ofMinutes(5)) > 0 ? perAttempts : Duration.ofMinutes(5);
        return atLeast.compareTo(Duration.ofHours(2)) < 0 ? atLeast : Duration.ofHours(2);
    }

    private static List<SecretName> matching(CsmsClient csms, RatePacer pacer, DeletionPlan plan, JobListener listener)
            throws DeletionRefusedException, InterruptedException {
        DeletionPlan.Target target = plan.target();
        PrefixTeardown.Plan found;
        try {
            found = PrefixTeardown.plan(csms, pacer, plan.project(), target.prefix(), target.maxCount());
        } catch (ListingException e) {
            throw new DeletionRefusedException(csms.redactor().redact(e.getMessage()) + ". Nothing was deleted.");
        }
        if (found.skippedInvalid() > 0) {
            listener.log(found.skippedInvalid() + " listed names start with '" + target.prefix()
                    + "' but are not valid secret names (or hold a piece of a credential); they are left alone.");
        }
        if (found.overLimit()) {
            throw new DeletionRefusedException(found.refusal());
        }
        listener.log(
                found.matched() + " secrets start with '" + target.prefix() + "' (maximum " + target.maxCount() + ").");
        return found.names();
    }

    private static List<SecretName> tagged(CsmsClient csms, RatePacer pacer, DeletionPlan plan, JobListener listener)
            throws DeletionRefusedException, InterruptedException {
        DeletionPlan.Target target = plan.target();
        TagTeardown.Plan found;
        try {
            found = TagTeardown.plan(csms, pacer, plan.project(), target.tags(), target.maxCount());
        } catch (ListingException e) {
            throw new DeletionRefusedException(csms.redactor().redact(e.getMessage()) + ". Nothing was deleted.");
        }
        if (found.skippedInvalid() > 0) {
            listener.log(
                    found.skippedInvalid() + " tagged secrets have names that are not valid secret names (or hold a"
                            + " piece of a credential); they are left alone.");
        }
        if (found.overLimit()) {
            throw new DeletionRefusedException(found.refusal());
        }
        listener.log(found.matched() + " secrets have the tags " + TagTeardown.describe(target.tags()) + " (maximum "
                + target.maxCount() + ").");
        return found.names();
    }

    private static DeletionPlan.Target target(
            DeletionRequest request, ArgumentNames labels, Set<SecretName> distinct, List<String> notes) {
        int given = (request.name() != null ? 1 : 0)
                + (request.names() != null ? 1 : 0)
                + (request.prefix() != null ? 1 : 0)
                + (request.tags() != null ? 1 : 0);
        if (given > 1) {
            throw new InvalidInputException(labels.twoTargets());
        }
        if (given == 0) {
            throw new InvalidInputException(labels.noTarget());
        }
        int maxCount =
                bounded(labels, "maxCount", request.maxCount(), PrefixTeardown.DEFAULT_MAX_COUNT, MAX_PREFIX_COUNT, "");
        if (request.prefix() != null) {
            PrefixTeardown.checkPrefix(request.prefix());
            return new DeletionPlan.Target(DeletionPlan.Kind.PREFIX, List.of(), request.prefix(), maxCount, List.of());
        }
        if (request.tags() != null) {
            return new DeletionPlan.Target(
                    DeletionPlan.Kind.TAGS, List.of(), null, maxCount, TagFilter.parse(request.tags()));
        }
        if (request.name() != null) {
            return new DeletionPlan.Target(
                    DeletionPlan.Kind.NAME, List.of(SecretName.of(request.name())), null, maxCount, List.of());
        }
        if (request.names().isEmpty()) {
            throw new InvalidInputException(labels.of("names") + " is empty: give at least one secret name.");
        }
        for (String raw : request.names()) {
            SecretName name = SecretName.of(raw);
            if (!distinct.add(name)) {
                notes.add(labels.of("names") + " " + name + " is given more than once; it is deleted once.");
            }
        }
        return new DeletionPlan.Target(DeletionPlan.Kind.NAMES, List.copyOf(distinct), null, maxCount, List.of());
    }

    private static Endpoint endpoint(DeletionRequest request, DeletionDefaults defaults, ArgumentNames labels) {
        String either = "Give exactly one of " + labels.of("endpoint") + " or " + labels.of("region");
        if (request.endpoint() != null && request.region() != null) {
            throw new InvalidInputException(either + ", not both.");
        }
        if (request.endpoint() != null) {
            return Endpoint.of(request.endpoint());
        }
        if (request.region() != null) {
            return Endpoint.forRegion(request.region());
        }
        if (defaults.endpoint() != null) {
            return Endpoint.of(defaults.endpoint());
        }
        if (defaults.region() != null) {
            return Endpoint.forRegion(defaults.region());
        }
        throw new InvalidInputException("Give exactly one of " + labels.of("endpoint")
                + " (e.g. https://kms.cn-north-4.myhuaweicloud.com) or " + labels.of("region") + " (e.g. cn-north-4)"
                + labels.defaultsHint() + ".");
    }

    /** Argument, then configuration, then built-in default; the deadline follows attempts and timeout. */
    private static ClientSettings settings(DeletionRequest request, DeletionDefaults defaults, ArgumentNames labels) {
        Integer configuredAttempts = request.attempts() != null ? request.attempts() : defaults.attempts();
        int attempts = bounded(
                labels,
                "attempts",
                configuredAttempts,
                DeletionDefaults.DEFAULT_ATTEMPTS,
                ClientSettings.MAX_ATTEMPTS,
                "");
        Integer configuredTimeout =
                request.timeoutSeconds() != null ? request.timeoutSeconds() : defaults.callTimeout();
        int seconds = bounded(
                labels,
                "timeout",
                configuredTimeout,
                DeletionDefaults.DEFAULT_CALL_TIMEOUT,
                DeletionDefaults.MAX_CALL_TIMEOUT,
                " seconds");
        String ifMissing = request.ifMissing() != null ? request.ifMissing() : defaults.ifMissing();
        Outcome missing;
        try {
            missing = Outcome.parse(ifMissing != null ? ifMissing : DeletionDefaults.DEFAULT_IF_MISSING);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(labels.of("ifMissing") + ": " + e.getMessage());
        }
        Duration timeout = Duration.ofSeconds(seconds);
        Duration connect =
                Duration.ofSeconds(orElse(defaults.connectTimeout(), DeletionDefaults.DEFAULT_CONNECT_TIMEOUT));
        Duration read = Duration.ofSeconds(orElse(defaults.readTimeout(), DeletionDefaults.MAX_READ_TIMEOUT));
        return ClientSettings.builder()
                .attempts(attempts)
                .connectTimeout(min(connect, timeout))
                .readTimeout(min(read, timeout))
                .callTimeout(timeout)
                .deadline(deadlineFor(attempts, timeout))
                .ifMissing(missing)
                .build();
    }

    /** The request's credential; the configured one only when the configuration also chose the endpoint. */
    private static String credentialsId(
            DeletionRequest request, DeletionDefaults defaults, ArgumentNames labels, Endpoint endpoint) {
        if (request.credentialsId() != null) {
            return request.credentialsId();
        }
        if (request.overridesEndpoint()) {
            throw new InvalidInputException("This job chooses the endpoint (" + endpoint.host() + "), so it must name"
                    + " its own " + labels.of("credentialsId") + ": the default credentials are only sent to the"
                    + " endpoint set by the administrator. Nothing was sent.");
        }
        if (defaults.credentialsId() == null) {
            throw new InvalidInputException(
                    "No credentials: give " + labels.of("credentialsId") + labels.defaultsHint() + ".");
        }
        return defaults.credentialsId();
    }

    /**
     * The request's agency; else the configured one, but only when the request names no credential of its own (the
     * configured agency belongs to the configured key); else none. Name and account go together.
     */
    private static Agency agency(DeletionRequest request, DeletionDefaults defaults, ArgumentNames labels) {
        String name;
        String domain;
        if (request.agencyName() != null || request.agencyDomain() != null) {
            name = request.agencyName();
            domain = request.agencyDomain();
        } else if (request.credentialsId() == null) {
            name = defaults.agencyName();
            domain = defaults.agencyDomain();
        } else {
            return null;
        }
        return agencyOf(name, domain, labels);
    }

    /**
     * The agency a form or request names, or null when both fields are blank (a form's "Test connection" uses this
     * too). Name and account go together.
     *
     * @throws InvalidInputException when only one is given or one is invalid, naming the field as labels call it
     */
    public static Agency agencyOf(String agencyName, String agencyDomain, ArgumentNames labels) {
        String name = DeletionRequest.blankToNull(agencyName);
        String domain = DeletionRequest.blankToNull(agencyDomain);
        if (name == null && domain == null) {
            return null;
        }
        if (name == null || domain == null) {
            throw new InvalidInputException("Give " + labels.of("agencyName") + " and " + labels.of("agencyDomain")
                    + " together: the agency's name and the account (domain) name that created it.");
        }
        return Agency.of(Agency.check(labels.of("agencyName"), name), Agency.check(labels.of("agencyDomain"), domain));
    }

    /** The configured IAM endpoint, else the region's, else the global one. */
    private static Endpoint iamEndpoint(DeletionRequest request, DeletionDefaults defaults) {
        if (defaults.iamEndpoint() != null) {
            return Endpoint.of(defaults.iamEndpoint());
        }
        String region = request.region() != null ? request.region() : defaults.region();
        return region != null ? Endpoint.iamForRegion(region) : Endpoint.iamGlobal();
    }

    /** The value, or the default when not given; a whole number from 1 to {@code max}. */
    private static int bounded(
            ArgumentNames labels, String field, Integer value, int defaultValue, int max, String unit) {
        int v = orElse(value, defaultValue);
        if (v < 1 || v > max) {
            throw new InvalidInputException(
                    labels.of(field) + " " + v + " is invalid: it must be from 1 to " + max + unit + ".");
        }
        return v;
    }

    private static int orElse(Integer value, int defaultValue) {
        return value != null ? value : defaultValue;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
