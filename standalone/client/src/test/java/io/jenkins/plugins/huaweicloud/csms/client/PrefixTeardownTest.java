package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing and prefix teardown against the project's emulator, which pages like CSMS. */
class PrefixTeardownTest {
    private static final ProjectId PROJECT = ProjectId.of(CsmsEmulator.DEMO_PROJECT_ID);

    private CsmsEmulator emulator;
    private CsmsClient client;
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder().start();
        client = CsmsClient.builder()
                .endpoint(Endpoint.of(emulator.url()))
                .tokenSource(TokenSource.fixed(Token.of(emulator.issueToken(PROJECT.value()))))
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void create(String... names) {
        for (String n : names) {
            emulator.createSecret(PROJECT.value(), n, "v");
        }
    }

    @Test
    void listingFollowsPagesToTheEnd() throws Exception {
        for (int i = 0; i < 123; i++) {
            create(String.format("s-%03d", i));
        }
        List<String> seen = new ArrayList<>();

        new SecretLister(client).forEachName(PROJECT, seen::add);

        assertThat(seen).hasSize(123).doesNotHaveDuplicates();
        assertThat(emulator.requestCount("GET", "/v1/" + PROJECT.value() + "/secrets"))
                .isEqualTo(3);
    }

    @Test
    void listingWithAForeignTokenFailsWithTheStatus() {
        CsmsClient foreign = CsmsClient.builder()
                .endpoint(Endpoint.of(emulator.url()))
                .tokenSource(TokenSource.fixed(Token.of(emulator.issueToken("f".repeat(32)))))
                .build();

        assertThatThrownBy(() -> new SecretLister(foreign).forEachName(PROJECT, n -> {}))
                .isInstanceOf(ListingException.class)
                .hasMessageContaining("HTTP 403")
                .satisfies(e -> assertThat(((ListingException) e).status()).isEqualTo(403));
    }

    @Test
    void planMatchesOnlyThePrefixAndSendsNoDelete() throws Exception {
        create("pr-42-db", "pr-42-api", "pr-421-db", "pr-43-db", "main-db");

        PrefixTeardown.Plan plan = PrefixTeardown.plan(client, PROJECT, "pr-42-", 100);

        assertThat(plan.names()).extracting(SecretName::value).containsExactly("pr-42-api", "pr-42-db");
        assertThat(plan.overLimit()).isFalse();
        assertThat(plan.refusal()).isNull();
        assertThat(emulator.requests()).noneMatch(r -> r.method().equals("DELETE"));
        assertThat(emulator.secretNames(PROJECT.value())).hasSize(5);
    }

    @Test
    void overTheMaximumNothingMayBeDeletedAndTheCountIsNamed() throws Exception {
        for (int i = 0; i < 7; i++) {
            create("tmp-" + i);
        }

        PrefixTeardown.Plan plan = PrefixTeardown.plan(client, PROJECT, "tmp-", 5);

        assertThat(plan.overLimit()).isTrue();
        assertThat(plan.matched()).isEqualTo(7);
        assertThat(plan.names()).hasSize(5);
        assertThat(plan.refusal())
                .contains("7 secrets")
                .contains("maximum of 5")
                .contains("nothing was deleted");
    }

    @Test
    void shortOrInvalidPrefixesAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> PrefixTeardown.plan(client, PROJECT, "pr", 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 3 characters");
        assertThatThrownBy(() -> PrefixTeardown.plan(client, PROJECT, "pr/../", 100))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PrefixTeardown.plan(client, PROJECT, null, 100))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PrefixTeardown.plan(client, PROJECT, "pr-1", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 1");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void planThenBatchDeletesExactlyThePlannedSecrets() throws Exception {
        create("pr-7-a", "pr-7-b", "pr-7-c", "keep-me");
        emulator.script("pr-7-b", Fault.status(503));

        PrefixTeardown.Plan plan = PrefixTeardown.plan(client, PROJECT, "pr-7-", 100);
        BatchSummary summary = BatchDeletion.of(client).run(PROJECT, plan.names(), r -> {});

        assertThat(summary.succeeded()).isEqualTo(3);
        assertThat(emulator.secretNames(PROJECT.value())).containsExactly("keep-me");
    }
}
