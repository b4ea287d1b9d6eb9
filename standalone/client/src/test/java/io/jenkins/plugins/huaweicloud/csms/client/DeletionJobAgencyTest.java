package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agency of a deletion job: argument, then configuration (only with the configured credential), then none;
 * validated before anything is sent; and a planned agency deletes in the other account through the emulator, which
 * verifies signatures and issues temporary keys.
 */
class DeletionJobAgencyTest {
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String TARGET = "99990000aaaabbbbccccddddeeeeffff";
    private static final String AK = "HPUAEXAMPLEAK0000002";
    private static final String SK = "anotherSecretKey0123456789abcdefghijklmnop";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<String> log = new CopyOnWriteArrayList<>();
    private CsmsEmulator emulator;

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder()
                .accessKey("acme", AK, SK, PROJECT)
                .agency("target", "csms-teardown", "acme", TARGET)
                .secret(TARGET, "env-1", "v")
                .secret(TARGET, "env-2", "v")
                .clock(clock)
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private DeletionRequest.Builder request() {
        return DeletionRequest.builder().project(TARGET).names(List.of("env-1", "env-2"));
    }

    private DeletionDefaults.Builder configured() {
        return DeletionDefaults.builder()
                .endpoint(emulator.url())
                .iamEndpoint(emulator.url())
                .credentialsId("admin-key");
    }

    private static DeletionPlan plan(DeletionRequest.Builder request, DeletionDefaults.Builder defaults) {
        return DeletionJob.plan(request.build(), defaults.build(), ArgumentNames.JENKINS);
    }

    @Test
    void anAgencyArgumentWinsOverTheConfiguredOneWhichGoesOnlyWithTheConfiguredCredential() {
        DeletionDefaults.Builder withAgency =
                configured().agencyName("configured-agency").agencyDomain("configured-account");

        assertThat(plan(request(), withAgency).agency())
                .isEqualTo(Agency.of("configured-agency", "configured-account"));
        assertThat(plan(request().agencyName(" job-agency ").agencyDomain("job-account"), withAgency)
                        .agency())
                .isEqualTo(Agency.of("job-agency", "job-account"));
        assertThat(plan(request().credentialsId("job-key"), withAgency).agency())
                .as("the configured agency belongs to the configured key, not to a job's own credential")
                .isNull();
        assertThat(plan(request(), configured()).agency()).isNull();
        assertThat(plan(request().agencyName("").agencyDomain(" "), configured())
                        .agency())
                .isNull();
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void anAgencyNeedsItsNameAndAccountTogetherAndValidValues() {
        assertThatThrownBy(() -> plan(request().agencyName("csms-teardown"), configured()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Give agencyName and agencyDomain together: the agency's name and the account (domain)"
                        + " name that created it.");
        assertThatThrownBy(() -> plan(request(), configured().agencyDomain("target")))
                .hasMessageStartingWith("Give agencyName and agencyDomain together");
        assertThatThrownBy(() -> plan(request().agencyName("a".repeat(65)).agencyDomain("target"), configured()))
                .hasMessageStartingWith("agencyName '")
                .hasMessageEndingWith("is invalid: it must be 1 to 64 characters without control characters.");
        assertThatThrownBy(() -> plan(request().agencyName("csms-teardown").agencyDomain("tar\u0007get"), configured()))
                .hasMessageStartingWith("agencyDomain ");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aPlannedAgencyDeletesInTheOtherAccountWithTemporaryKeys() throws Exception {
        DeletionPlan plan =
                plan(request(), configured().agencyName("csms-teardown").agencyDomain("target"));
        AgencyKeySource keys = new AgencyKeySource(
                plan.iamEndpoint(),
                AccessKey.of(AK, SK),
                plan.agency(),
                CsmsClient.newHttpClient(plan.settings()),
                clock);

        DeletionReport report = DeletionJob.run(
                plan,
                CsmsClient.builder().accessKeys(keys).clock(clock).sleeper(new RecordingSleeper(clock)),
                log::add);

        assertThat(report.results()).extracting(DeletionResult::kind).containsOnly(ResultKind.DELETED);
        assertThat(emulator.secretNames(TARGET)).isEmpty();
        assertThat(emulator.requestCount("POST", "/v3.0/OS-CREDENTIAL/securitytokens"))
                .isEqualTo(1);
        assertThat(String.join("\n", log)).doesNotContain(SK);
    }
}
