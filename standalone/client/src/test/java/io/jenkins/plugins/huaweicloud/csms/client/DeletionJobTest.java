package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deletion job every front end uses: its decisions, over real HTTP on loopback with a fake clock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeletionJobTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> deletes = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<MockResponse> listings = new ConcurrentLinkedQueue<>();
    private Function<String, MockResponse> byName = name -> Fixtures.status(200);
    private Duration eachRequestTakes = Duration.ZERO;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                clock.advance(eachRequestTakes);
                if (request.getMethod().equals("GET")) {
                    MockResponse page = listings.poll();
                    return page != null ? page : Fixtures.status(500);
                }
                deletes.add(request);
                return byName.apply(request.getUrl().pathSegments().get(3));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeletionRequest.Builder request() {
        return DeletionRequest.builder()
                .project(PROJECT.value())
                .endpoint(server.url("/").toString())
                .credentialsId("job-token");
    }

    private DeletionReport run(DeletionRequest.Builder request) throws Exception {
        return run(request.build(), DeletionDefaults.NONE);
    }

    private DeletionReport run(DeletionRequest request, DeletionDefaults defaults) throws Exception {
        DeletionPlan plan = DeletionJob.plan(request, defaults, ArgumentNames.JENKINS);
        return DeletionJob.run(plan, Fixtures.client(server, clock, sleeper), log::add);
    }

    private static MockResponse page(String... names) {
        StringBuilder body = new StringBuilder("{\"secrets\":[");
        for (int i = 0; i < names.length; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(names[i])
                    .append("\"}");
        }
        return new MockResponse.Builder()
                .code(200)
                .body(body.append("],\"page_info\":{\"next_marker\":null}}").toString())
                .build();
    }

    private static List<Object> namesOf(Object value) {
        List<Object> names = new ArrayList<>();
        for (Object m : (List<?>) value) {
            names.add(((Map<?, ?>) m).get("name"));
        }
        return names;
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("s-" + i);
        }
        return names;
    }

    // ---- the deadline

    @Test
    void theDeadlineFollowsAttemptsAndTimeoutInsteadOfAFixedFiveMinutes() throws Exception {
        // A configured 400 s timeout and 2 attempts: the deadline is 2 x (400 + 30) s, not the engine's 300 s.
        DeletionDefaults defaults =
                DeletionDefaults.builder().callTimeout(400).attempts(2).build();
        eachRequestTakes = Duration.ofSeconds(350);
        int[] calls = {0};
        byName = name -> calls[0]++ == 0 ? Fixtures.status(503) : Fixtures.status(200);

        DeletionReport report = run(request().name("pr-1-db").build(), defaults);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.attempts()).isEqualTo(2);
        });
    }

    @Test
    void theDeadlineIsAtLeastFiveMinutesAndAtMostTwoHours() {
        assertThat(DeletionJob.deadlineFor(3, Duration.ofSeconds(60))).isEqualTo(Duration.ofMinutes(5));
        assertThat(DeletionJob.deadlineFor(3, Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(1890));
        assertThat(DeletionJob.deadlineFor(10, Duration.ofSeconds(1800))).isEqualTo(Duration.ofHours(2));
        DeletionPlan plan = DeletionJob.plan(
                request().name("a").timeoutSeconds(600).build(), DeletionDefaults.NONE, ArgumentNames.JENKINS);
        assertThat(plan.settings().deadline()).isEqualTo(Duration.ofSeconds(1890));
    }

    @Test
    void aListingPageStopsAtTheDeadlineToo() {
        // 3 attempts of 60 s: a 300 s deadline; each listing answer comes 200 s later and is a 503.
        eachRequestTakes = Duration.ofSeconds(200);
        listings.add(Fixtures.status(503));
        listings.add(Fixtures.status(503));
        listings.add(Fixtures.status(503));

        assertThatThrownBy(() -> run(request().prefix("pr-1-")))
                .isInstanceOf(DeletionRefusedException.class)
                .hasMessageContaining("listing secrets at")
                .hasMessageContaining("deadline would pass")
                .hasMessageEndingWith("Nothing was deleted.");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(deletes).isEmpty();
    }

    // ---- de-duplication and pacing

    @Test
    void aNameGivenTwiceIsDeletedOnceAndTheLogSaysSo() throws Exception {
        byName = name -> deletes.stream()
                                .filter(r -> r.getUrl().pathSegments().get(3).equals(name))
                                .count()
                        > 1
                ? Fixtures.status(404)
                : Fixtures.status(200);

        DeletionReport report = run(request().names(List.of("pr-1-db", "pr-1-cache", "pr-1-db")));

        assertThat(deletes).hasSize(2);
        assertThat(report.worst()).isEqualTo(Outcome.SUCCESS);
        assertThat(report.results()).extracting(DeletionResult::name).containsExactly("pr-1-db", "pr-1-cache");
        assertThat(log).contains("names pr-1-db is given more than once; it is deleted once.");
    }

    @Test
    void severalNamesArePacedThroughTheBatch() throws Exception {
        Instant start = clock.instant();

        DeletionReport report = run(request().names(names(21)));

        assertThat(deletes).hasSize(21);
        assertThat(report.results()).hasSize(21);
        // 10 requests per second: 21 requests take at least about 2 s (of the fake clock: nothing really sleeps).
        assertThat(sleeper.sleeps).isNotEmpty();
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theListingSharesThePacerOfTheDeletions() throws Exception {
        listings.add(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "2")
                .build());
        listings.add(page("pr-1-a", "pr-1-b", "other"));

        DeletionReport report = run(request().prefix("pr-1-"));

        assertThat(report.results()).extracting(DeletionResult::name).containsExactly("pr-1-a", "pr-1-b");
        assertThat(sleeper.sleeps).contains(Duration.ofSeconds(2));
        assertThat(report.summary()).isEqualTo("2 secrets: 2 SUCCESS (1 throttled answers)");
        assertThat(log).anyMatch(l -> l.startsWith("retrying the secret listing in 2.0 s: HTTP 429"));
    }

    // ---- settings: argument > configuration > built-in

    @Test
    void anArgumentWinsOverTheConfigurationWhichWinsOverTheBuiltInDefault() {
        DeletionDefaults configured = DeletionDefaults.builder()
                .attempts(5)
                .callTimeout(90)
                .ifMissing("FAILURE")
                .region("cn-north-4")
                .credentialsId("admin-token")
                .iamDomain("acme")
                .build();
        DeletionRequest bare =
                DeletionRequest.builder().project(PROJECT.value()).name("a").build();

        DeletionPlan builtIn = DeletionJob.plan(bare, withEndpoint(), ArgumentNames.JENKINS);
        DeletionPlan fromConfig = DeletionJob.plan(bare, configured, ArgumentNames.JENKINS);
        DeletionPlan fromArgs = DeletionJob.plan(
                DeletionRequest.builder()
                        .project(PROJECT.value())
                        .name("a")
                        .attempts(2)
                        .timeoutSeconds(20)
                        .ifMissing("success")
                        .credentialsId("job-token")
                        .iamDomain("other")
                        .build(),
                configured,
                ArgumentNames.JENKINS);

        assertThat(builtIn.settings().attempts()).isEqualTo(3);
        assertThat(builtIn.settings().callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(builtIn.settings().policy().outcomeFor(ResultKind.ALREADY_ABSENT))
                .isEqualTo(Outcome.UNSTABLE);
        assertThat(fromConfig.settings().attempts()).isEqualTo(5);
        assertThat(fromConfig.settings().callTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fromConfig.settings().policy().outcomeFor(ResultKind.ALREADY_ABSENT))
                .isEqualTo(Outcome.FAILURE);
        assertThat(fromConfig.endpoint().host()).isEqualTo("kms.cn-north-4.myhuaweicloud.com");
        assertThat(fromConfig.iamEndpoint().host()).isEqualTo("iam.cn-north-4.myhuaweicloud.com");
        assertThat(fromConfig.credentialsId()).isEqualTo("admin-token");
        assertThat(fromConfig.iamDomain()).isEqualTo("acme");
        assertThat(fromArgs.settings().attempts()).isEqualTo(2);
        assertThat(fromArgs.settings().callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fromArgs.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fromArgs.settings().policy().outcomeFor(ResultKind.ALREADY_ABSENT))
                .isEqualTo(Outcome.SUCCESS);
        assertThat(fromArgs.credentialsId()).isEqualTo("job-token");
        assertThat(fromArgs.iamDomain()).isEqualTo("other");
    }

    private DeletionDefaults withEndpoint() {
        return DeletionDefaults.builder()
                .endpoint(server.url("/").toString())
                .credentialsId("admin-token")
                .build();
    }

    @Test
    void aJobChosenEndpointNeedsItsOwnCredential() {
        DeletionDefaults admin = withEndpoint();
        DeletionRequest byRegion = DeletionRequest.builder()
                .project(PROJECT.value())
                .name("a")
                .region("cn-north-4")
                .build();
        DeletionRequest byEndpoint = DeletionRequest.builder()
                .project(PROJECT.value())
                .name("a")
                .endpoint("https://kms.example.com")
                .build();

        assertThatThrownBy(() -> DeletionJob.plan(byRegion, admin, ArgumentNames.JENKINS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(kms.cn-north-4.myhuaweicloud.com), so it must name its own credentialsId");
        assertThatThrownBy(() -> DeletionJob.plan(byEndpoint, admin, ArgumentNames.JENKINS))
                .hasMessageContaining("must name its own credentialsId");
        DeletionRequest configuredEndpoint =
                DeletionRequest.builder().project(PROJECT.value()).name("a").build();
        assertThat(DeletionJob.plan(configuredEndpoint, admin, ArgumentNames.JENKINS)
                        .credentialsId())
                .isEqualTo("admin-token");
        assertThatThrownBy(() -> DeletionJob.plan(
                        configuredEndpoint,
                        DeletionDefaults.builder()
                                .endpoint("https://kms.example.com")
                                .build(),
                        ArgumentNames.JENKINS))
                .hasMessageStartingWith("No credentials: give credentialsId, or set one in Manage Jenkins");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- the target

    @Test
    void theTargetIsExactlyOneOfNameNamesAndPrefix() {
        assertThatThrownBy(() -> DeletionJob.plan(
                        request().name("a").prefix("pr-1").build(), DeletionDefaults.NONE, ArgumentNames.JENKINS))
                .hasMessage("Give exactly one of name, names, prefix and tags.");
        assertThatThrownBy(() -> DeletionJob.plan(request().build(), DeletionDefaults.NONE, ArgumentNames.JENKINS))
                .hasMessageStartingWith("Secret name is missing");
        assertThatThrownBy(() -> DeletionJob.plan(
                        request().names(List.of()).build(), DeletionDefaults.NONE, ArgumentNames.JENKINS))
                .hasMessage("names is empty: give at least one secret name.");
        assertThatThrownBy(() ->
                        DeletionJob.plan(request().prefix("pr").build(), DeletionDefaults.NONE, ArgumentNames.JENKINS))
                .hasMessageContaining("at least 3 characters");
        assertThatThrownBy(() -> DeletionJob.plan(
                        request().prefix("pr-1").maxCount(10_001).build(),
                        DeletionDefaults.NONE,
                        ArgumentNames.JENKINS))
                .hasMessage("maxCount 10001 is invalid: it must be from 1 to 10000.");
        ArgumentNames cli = new ArgumentNames(Map.of("maxCount", "--max-count"), "none", "two", "");
        assertThatThrownBy(() ->
                        DeletionJob.plan(request().prefix("pr-1").maxCount(0).build(), DeletionDefaults.NONE, cli))
                .hasMessage("--max-count 0 is invalid: it must be from 1 to 10000.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void namesTextIsSplitAtSpacesCommasAndLineBreaks() {
        assertThat(DeletionRequest.splitNames(" a, b\nc  d ")).containsExactly("a", "b", "c", "d");
        assertThat(DeletionRequest.splitNames("  ")).isNull();
    }

    // ---- results, summary, reason, value

    @Test
    void oneNameGivesOneMapAndSeveralNamesAListInTheOrderGiven() throws Exception {
        byName = name -> switch (name) {
            case "c-gone" -> Fixtures.error(404, "CSMS.0005", "not found");
            case "b-denied" -> Fixtures.error(403, "CSMS.0401", "denied");
            default -> Fixtures.status(200);
        };

        Object one = run(request().name("z-db")).value();
        DeletionReport several = run(request().names(List.of("z-db", "c-gone", "b-denied")));

        assertThat(one).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) one).get("name")).isEqualTo("z-db");
        assertThat(((Map<?, ?>) one).get("outcome")).isEqualTo("SUCCESS");
        assertThat(namesOf(several.value())).containsExactly("z-db", "c-gone", "b-denied");
        assertThat(several.worst()).isEqualTo(Outcome.FAILURE);
        assertThat(several.summary()).isEqualTo("3 secrets: 1 SUCCESS, 1 UNSTABLE, 1 FAILURE");
        assertThat(several.reason())
                .startsWith("FAILURE: secret b-denied: not allowed (HTTP 403)")
                .endsWith("(HTTP 403 CSMS.0401, request id req-403)");
        assertThat(log).anyMatch(l -> l.startsWith("UNSTABLE c-gone: already absent"));
    }

    @Test
    void aPrefixGivesAListSortedByNameAndADryRunOnlyTheNames() throws Exception {
        listings.add(page("pr-7-b", "pr-7-a", "pr-8-x"));
        listings.add(page("pr-7-b", "pr-7-a", "pr-8-x"));
        List<String> wouldDelete = new ArrayList<>();

        DeletionReport dry = DeletionJob.run(
                DeletionJob.plan(
                        request().prefix("pr-7-").dryRun(true).build(), DeletionDefaults.NONE, ArgumentNames.JENKINS),
                Fixtures.client(server, clock, sleeper),
                new JobListener() {
                    @Override
                    public void log(String line) {
                        log.add(line);
                    }

                    @Override
                    public void wouldDelete(SecretName name) {
                        wouldDelete.add(name.value());
                    }
                });
        assertThat(deletes).isEmpty();
        DeletionReport real = run(request().prefix("pr-7-"));

        assertThat(dry.value()).isEqualTo(List.of("pr-7-a", "pr-7-b"));
        assertThat(wouldDelete).containsExactly("pr-7-a", "pr-7-b");
        assertThat(log).contains("dry run: 2 secrets would be deleted; nothing was sent.");
        assertThat(namesOf(real.value())).containsExactly("pr-7-a", "pr-7-b");
        assertThat(deletes).hasSize(2);
    }

    // ---- redaction and a clean stop (the plugin's TokenEchoTest and csms delete's SIGTERM, at the job's level)

    @Test
    void anEchoedTokenReachesNoLineNoReasonAndNoReturnedValue() throws Exception {
        String token = Fixtures.TOKEN_TEXT;
        byName = name -> new MockResponse.Builder()
                .code(503)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", token)
                .body("{\"error_code\":\"CSMS.0500\",\"error_msg\":\"busy: " + token + "\"}")
                .build();

        DeletionReport report = run(request().name("echo-503").attempts(2));

        Map<?, ?> value = (Map<?, ?>) report.value();
        assertThat(value.get("errorMessage")).isEqualTo("busy: " + SecretRedactor.MARKER);
        assertThat(value.get("requestId")).isNull();
        assertThat(deletes).hasSize(2);
        assertThat(log).anyMatch(l -> l.startsWith("retrying echo-503"));
        assertThat(log).anyMatch(l -> l.startsWith("UNSTABLE echo-503") && l.contains("\"busy: [redacted]\""));
        String everything = String.join("\n", log) + "\n" + report.reason() + "\n" + value;
        for (int i = 0; i + SecretRedactor.MIN_PIECE <= token.length(); i++) {
            assertThat(everything).doesNotContain(token.substring(i, i + SecretRedactor.MIN_PIECE));
        }
    }

    @Test
    void aStoppingJobStartsAndRetriesNothingAndReportsTheCallInFlight() throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        byName = name -> {
            stopping.set(true); // the stop comes while this first request is in flight
            return Fixtures.status(503);
        };
        List<String> deleting = new ArrayList<>();
        DeletionPlan plan = DeletionJob.plan(
                request().names(List.of("s-1", "s-2", "s-3")).concurrency(1).build(),
                DeletionDefaults.NONE,
                ArgumentNames.JENKINS);

        DeletionReport report = DeletionJob.run(
                plan,
                Fixtures.client(server, clock, sleeper),
                new JobListener() {
                    @Override
                    public void log(String line) {
                        log.add(line);
                    }

                    @Override
                    public void deleting(List<SecretName> names) {
                        names.forEach(n -> deleting.add(n.value()));
                    }
                },
                stopping::get);

        assertThat(deleting).containsExactly("s-1", "s-2", "s-3");
        assertThat(deletes).hasSize(1);
        assertThat(report.results()).hasSize(1);
        assertThat(report.results().get(0).name()).isEqualTo("s-1");
        assertThat(report.results().get(0).reason()).endsWith("; not retried: the run is stopping");
    }

    // ---- the same redaction and stop for scheduled deletion, restore and the tag listing

    private static void assertNoPieceOf(String token, String text) {
        for (int i = 0; i + SecretRedactor.MIN_PIECE <= token.length(); i++) {
            assertThat(text).doesNotContain(token.substring(i, i + SecretRedactor.MIN_PIECE));
        }
    }

    @Test
    void aScheduledDeletionAndARestoreRedactATokenEchoedInAnErrorExcerpt() throws Exception {
        String token = Fixtures.TOKEN_TEXT;
        // A gateway's HTML page (a plain excerpt) for the schedule, an SDK-shaped JSON error for the restore.
        byName = name -> name.equals("echo-html")
                ? new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><body><h1>Bad gateway</h1><p>token " + token + "</p></body></html>")
                        .build()
                : new MockResponse.Builder()
                        .code(400)
                        .addHeader("Content-Type", "application/json")
                        .addHeader("X-Request-Id", token)
                        .body("{\"error_code\":\"CSMS.0401\",\"error_msg\":\"bad " + token + "\"}")
                        .build();

        DeletionReport scheduled = run(request()
                .name("echo-html")
                .action(DeletionRequest.Action.SCHEDULE_DELETION)
                .attempts(2));
        DeletionReport restored = run(request().name("echo-json").action(DeletionRequest.Action.RESTORE));

        assertThat(deletes)
                .extracting(r -> r.getUrl().encodedPath())
                .containsExactly(
                        "/v1/" + PROJECT.value() + "/secrets/echo-html/scheduled-deleted-tasks/create",
                        "/v1/" + PROJECT.value() + "/secrets/echo-html/scheduled-deleted-tasks/create",
                        "/v1/" + PROJECT.value() + "/secrets/echo-json/scheduled-deleted-tasks/cancel");
        Map<?, ?> html = (Map<?, ?>) scheduled.value();
        Map<?, ?> json = (Map<?, ?>) restored.value();
        assertThat((String) html.get("errorMessage")).contains(SecretRedactor.MARKER);
        assertThat(json.get("errorMessage")).isEqualTo("bad " + SecretRedactor.MARKER);
        assertThat(json.get("requestId")).isNull();
        assertThat(log).anyMatch(l -> l.startsWith("retrying echo-html"));
        String everything = String.join("\n", log) + "\n" + scheduled.reason() + "\n" + html + "\n" + restored.reason()
                + "\n" + json;
        assertNoPieceOf(token, everything);
    }

    @Test
    void aStoppingScheduledDeletionStartsAndRetriesNothingAndReportsTheCallInFlight() throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        byName = name -> {
            stopping.set(true); // the stop comes while this first request is in flight
            return Fixtures.status(503);
        };
        DeletionPlan plan = DeletionJob.plan(
                request()
                        .names(List.of("s-1", "s-2", "s-3"))
                        .concurrency(1)
                        .action(DeletionRequest.Action.SCHEDULE_DELETION)
                        .build(),
                DeletionDefaults.NONE,
                ArgumentNames.JENKINS);

        DeletionReport report = DeletionJob.run(plan, Fixtures.client(server, clock, sleeper), log::add, stopping::get);

        assertThat(deletes).singleElement().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("POST");
            assertThat(r.getUrl().encodedPath()).endsWith("/secrets/s-1/scheduled-deleted-tasks/create");
        });
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("s-1");
            assertThat(r.reason()).endsWith("; not retried: the run is stopping");
        });
    }

    @Test
    void aTagListingSkipsAnEchoedPieceOfTheTokenAndRedactsAnEchoInItsFailure() throws Exception {
        String token = Fixtures.TOKEN_TEXT;
        String piece = token.substring(0, 30); // a valid secret name, but a piece of the token
        int[] pages = {0};
        byName = name -> {
            if (!name.equals("resource_instances")) {
                return Fixtures.status(200);
            }
            String resources =
                    pages[0]++ == 0 ? "{\"resource_name\":\"" + piece + "\"},{\"resource_name\":\"pr-1\"}" : "";
            return new MockResponse.Builder()
                    .code(200)
                    .body("{\"resources\":[" + resources + "],\"total_count\":2}")
                    .build();
        };

        DeletionReport report = run(request().tags(List.of("env=pr-1")));

        assertThat(deletes)
                .extracting(r -> r.getMethod() + " " + r.getUrl().pathSegments().get(3))
                .containsExactly("POST resource_instances", "POST resource_instances", "DELETE pr-1");
        assertThat(report.results()).extracting(DeletionResult::name).containsExactly("pr-1");
        assertThat(log).anyMatch(l -> l.startsWith("1 tagged secrets have names that are not valid"));
        assertNoPieceOf(token, String.join("\n", log) + "\n" + report.value());

        byName = name -> new MockResponse.Builder()
                .code(400)
                .addHeader("X-Request-Id", token)
                .body("{\"error_code\":\"CSMS.0401\",\"error_msg\":\"no tag query for " + token + "\"}")
                .build();
        assertThatThrownBy(() -> run(request().tags(List.of("env=pr-1"))))
                .isInstanceOf(DeletionRefusedException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains(SecretRedactor.MARKER).endsWith("Nothing was deleted.");
                    assertNoPieceOf(token, e.getMessage());
                });
    }

    @Test
    void aPrefixMatchingMoreThanMaxCountDeletesNothing() {
        listings.add(page("pr-9-a", "pr-9-b", "pr-9-c"));

        assertThatThrownBy(() -> run(request().prefix("pr-9-").maxCount(2)))
                .isInstanceOf(DeletionRefusedException.class)
                .hasMessageContaining("3 secrets start with 'pr-9-', more than the maximum of 2: nothing was deleted");
        assertThat(deletes).isEmpty();
    }

    @Test
    void onlyAFailureFailsTheStepAndOnlyWhenAsked() throws Exception {
        byName = name -> name.equals("gone") ? Fixtures.status(404) : Fixtures.status(403);

        DeletionReport unstable = run(request().name("gone"));
        DeletionReport failed = run(request().name("denied"));

        assertThat(unstable.failsTheStep(true)).isFalse();
        assertThat(failed.failsTheStep(true)).isTrue();
        assertThat(failed.failsTheStep(false)).isFalse();
        assertThat(failed.worst()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void aFormFindsTheEndpointItsCredentialsAreMatchedAgainst() {
        DeletionDefaults configured =
                DeletionDefaults.builder().region("cn-north-4").build();

        assertThat(DeletionJob.endpointUrlOrNull(null, null, configured))
                .isEqualTo("https://kms.cn-north-4.myhuaweicloud.com");
        assertThat(DeletionJob.endpointUrlOrNull("https://kms.example.com", null, configured))
                .isEqualTo("https://kms.example.com");
        assertThat(DeletionJob.endpointUrlOrNull(null, "ap-southeast-1", configured))
                .isEqualTo("https://kms.ap-southeast-1.myhuaweicloud.com");
        assertThat(DeletionJob.endpointUrlOrNull("http://x", null, configured)).isNull();
        assertThat(DeletionJob.endpointUrlOrNull(null, null, DeletionDefaults.NONE))
                .isNull();
    }
}
