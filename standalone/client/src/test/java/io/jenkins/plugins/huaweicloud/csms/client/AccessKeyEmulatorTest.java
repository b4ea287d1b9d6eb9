package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine against the emulator verifying signatures for real: long-term keys, an agency, refusals. */
class AccessKeyEmulatorTest {
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String TARGET = "99990000aaaabbbbccccddddeeeeffff";
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "exampleSecretKey0123456789abcdefghijklmnopq";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T10:00:00Z"));
    private CsmsEmulator emulator;

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder()
                .accessKey("acme", AK, SK, PROJECT)
                .agency("target", "csms-teardown", "acme", TARGET)
                .secret(PROJECT, "pr-1", "v")
                .secret(PROJECT, "pr-2", "v")
                .secret(TARGET, "pr-1", "v")
                .secret(TARGET, "pr-2", "v")
                .clock(clock)
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CsmsClient client(AccessKeySource keys) {
        return CsmsClient.builder()
                .endpoint(Endpoint.of(emulator.url()))
                .accessKeys(keys)
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .build();
    }

    private static List<SecretName> names(String... names) {
        List<SecretName> out = new ArrayList<>();
        for (String n : names) {
            out.add(SecretName.of(n));
        }
        return out;
    }

    @Test
    void longTermKeysDeleteAndListThroughTheVerifyingEmulator() throws Exception {
        CsmsClient client = client(AccessKeySource.fixed(AccessKey.of(AK, SK)));
        List<String> listed = new ArrayList<>();
        new SecretLister(client).forEachName(ProjectId.of(PROJECT), listed::add);

        List<DeletionResult> results = client.deleteAll(ProjectId.of(PROJECT), names("pr-1", "pr-2", "pr-3"));

        assertThat(listed).containsExactly("pr-1", "pr-2");
        assertThat(results)
                .extracting(DeletionResult::kind)
                .containsExactly(ResultKind.DELETED, ResultKind.DELETED, ResultKind.ALREADY_ABSENT);
        assertThat(emulator.secretNames(PROJECT)).isEmpty();
    }

    @Test
    void aProbeSaysCsmsAcceptedTheSignedRequest() throws Exception {
        ProbeResult probe = client(AccessKeySource.fixed(AccessKey.of(AK, SK))).probe(ProjectId.of(PROJECT));

        assertThat(probe.ok()).isTrue();
        assertThat(probe.message()).contains("accepted the request signed with the access key for project " + PROJECT);
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aWrongSecretKeyIsRefusedOnceAndNotUsedAgain() throws Exception {
        CsmsClient client = client(AccessKeySource.fixed(AccessKey.of(AK, "wrong-secret-key")));

        List<DeletionResult> results = client.deleteAll(ProjectId.of(PROJECT), names("pr-1", "pr-2"));

        assertThat(results.get(0).kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(results.get(0).errorCode()).isEqualTo("APIGW.0301");
        assertThat(results.get(1).kind()).isEqualTo(ResultKind.TOKEN_ERROR);
        assertThat(emulator.requestCount()).isEqualTo(1);
        assertThat(emulator.secretNames(PROJECT)).containsExactly("pr-1", "pr-2");
    }

    @Test
    void aRefusedListingSaysWhatToCheck() {
        CsmsClient client = client(AccessKeySource.fixed(AccessKey.of(AK, "wrong-secret-key")));

        assertThatThrownBy(() -> new SecretLister(client).forEachName(ProjectId.of(PROJECT), n -> {}))
                .isInstanceOf(ListingException.class)
                .hasMessageContaining("HTTP 401 APIGW.0301")
                .hasMessageContaining("secret access key (SK)")
                .hasMessageContaining("clock");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aClockTwentyMinutesOffIsRefusedWithTheHint() throws Exception {
        FakeClock skewed = new FakeClock(clock.instant().minus(Duration.ofMinutes(20)));
        CsmsClient client = CsmsClient.builder()
                .endpoint(Endpoint.of(emulator.url()))
                .accessKeys(AccessKeySource.fixed(AccessKey.of(AK, SK)))
                .settings(Fixtures.fastSettings().build())
                .clock(skewed)
                .sleeper(new RecordingSleeper(skewed))
                .build();

        DeletionResult r = client.delete(ProjectId.of(PROJECT), SecretName.of("pr-1"));

        assertThat(r.kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(r.reason()).contains("clock", "15 minutes");
    }

    @Test
    void anAgencyDeletesInTheOtherAccountWithOneSecurityTokenCall() throws Exception {
        AgencyKeySource agency = new AgencyKeySource(
                Endpoint.of(emulator.url()),
                AccessKey.of(AK, SK),
                Agency.of("csms-teardown", "target"),
                CsmsClient.newHttpClient(Fixtures.fastSettings().build()),
                clock);

        List<DeletionResult> results = BatchDeletionResults.run(client(agency), TARGET, names("pr-1", "pr-2"));

        assertThat(results).extracting(DeletionResult::kind).containsOnly(ResultKind.DELETED);
        assertThat(emulator.secretNames(TARGET)).isEmpty();
        assertThat(agency.calls()).isEqualTo(1);
        assertThat(emulator.requestCount("POST", "/v3.0/OS-CREDENTIAL/securitytokens"))
                .isEqualTo(1);
    }

    @Test
    void scheduledDeletionCancelAndTheTagQuerySignTheirJsonBodiesSoTheVerifierAcceptsThem() throws Exception {
        emulator.tagSecret(PROJECT, "pr-1", "env", "pr-42");
        CsmsClient client = client(AccessKeySource.fixed(AccessKey.of(AK, SK)));
        ProjectId project = ProjectId.of(PROJECT);

        TagTeardown.Plan tagged = TagTeardown.plan(client, project, TagFilter.parse(List.of("env=pr-42")), 10);
        DeletionResult scheduled = client.scheduleDeletion(project, SecretName.of("pr-1"), 7);
        String pending = emulator.secretState(PROJECT, "pr-1");
        DeletionResult restored = client.cancelDeletion(project, SecretName.of("pr-1"));

        assertThat(tagged.names()).extracting(SecretName::value).containsExactly("pr-1");
        assertThat(scheduled.kind()).isEqualTo(ResultKind.SCHEDULED);
        assertThat(pending).isEqualTo("PENDING_DELETE");
        assertThat(restored.kind()).isEqualTo(ResultKind.RESTORED);
        assertThat(emulator.secretState(PROJECT, "pr-1")).isEqualTo("ENABLED");
        // POSTs with bodies (two filter pages, {"recovery_window_in_days":7}, an empty one), each one verified.
        assertThat(emulator.requests()).hasSize(4).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.status()).isBetween(200, 299);
        });
    }

    @Test
    void anAgencyRunsATagTargetedScheduledDeletionJobWithItsTemporaryKeys() throws Exception {
        emulator.tagSecret(TARGET, "pr-1", "env", "pr-42");
        emulator.tagSecret(TARGET, "pr-2", "env", "prod");
        AgencyKeySource agency = new AgencyKeySource(
                Endpoint.of(emulator.url()),
                AccessKey.of(AK, SK),
                Agency.of("csms-teardown", "target"),
                CsmsClient.newHttpClient(Fixtures.fastSettings().build()),
                clock);
        DeletionPlan plan = DeletionJob.plan(
                DeletionRequest.builder()
                        .project(TARGET)
                        .endpoint(emulator.url())
                        .credentialsId("agency")
                        .tags(List.of("env=pr-42"))
                        .action(DeletionRequest.Action.SCHEDULE_DELETION)
                        .recoveryDays(7)
                        .build(),
                DeletionDefaults.NONE,
                ArgumentNames.JENKINS);

        DeletionReport report = DeletionJob.run(
                plan,
                CsmsClient.builder().accessKeys(agency).clock(clock).sleeper(new RecordingSleeper(clock)),
                line -> {});

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("pr-1");
            assertThat(r.kind()).isEqualTo(ResultKind.SCHEDULED);
        });
        assertThat(emulator.secretState(TARGET, "pr-1")).isEqualTo("PENDING_DELETE");
        assertThat(emulator.secretState(TARGET, "pr-2")).isEqualTo("ENABLED");
        assertThat(agency.calls()).isEqualTo(1);
    }

    /** Runs a concurrent batch and collects its results. */
    private static final class BatchDeletionResults {
        static List<DeletionResult> run(CsmsClient client, String project, List<SecretName> names)
                throws InterruptedException {
            List<DeletionResult> out = new ArrayList<>();
            BatchDeletion.of(client).concurrency(2).run(ProjectId.of(project), names, r -> {
                synchronized (out) {
                    out.add(r);
                }
            });
            return out;
        }
    }
}
