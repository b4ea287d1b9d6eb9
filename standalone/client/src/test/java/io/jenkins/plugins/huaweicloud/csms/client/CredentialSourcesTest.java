package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stored credential to an {@link Authentication}: the kinds, the agency rule, sources shared by credential (and
 * not across a changed secret), the least recently used one out, and no secret in any key, message or toString.
 */
class CredentialSourcesTest {
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String TARGET = "99990000aaaabbbbccccddddeeeeffff";
    private static final String USER = "ci-cleaner";
    private static final String PASSWORD = "Pw-of-the-ci-cleaner-4b1e9a77c2d3";
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "exampleSecretKey0123456789abcdefghijklmnopq";
    private static final String TOKEN = "MIIE-STORED-TOKEN-MARKER-" + "t".repeat(40);
    private static final Agency AGENCY = Agency.of("csms-teardown", "target");
    private static final ClientSettings SETTINGS = Fixtures.fastSettings().build();
    private static final OkHttpClient BASE = new OkHttpClient();

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<String> shown = new ArrayList<>();
    private CsmsEmulator emulator;
    private Endpoint iam;

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder()
                .user("acme", USER, PASSWORD, PROJECT)
                .accessKey("acme", AK, SK, PROJECT)
                .agency("target", "csms-teardown", "acme", TARGET)
                .clock(clock)
                .start();
        iam = Endpoint.of(emulator.url());
    }

    @AfterEach
    void noSecretWasShown() {
        emulator.close();
        for (String text : shown) {
            for (String secret : List.of(TOKEN, PASSWORD, SK)) {
                assertThat(text).doesNotContain(secret);
                for (int i = 0; i + SecretRedactor.MIN_PIECE <= secret.length(); i++) {
                    assertThat(text).doesNotContain(secret.substring(i, i + SecretRedactor.MIN_PIECE));
                }
            }
        }
    }

    private Authentication resolve(CredentialSources sources, String id, CloudCredential credential, Agency agency) {
        Authentication a =
                sources.authentication(id, credential, ProjectId.of(PROJECT), iam, "acme", agency, SETTINGS, BASE);
        shown.add(a.toString());
        shown.addAll(sources.keys());
        return a;
    }

    private String refusal(CredentialSources sources, String id, CloudCredential credential, Agency agency) {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> resolve(sources, id, credential, agency));
        shown.add(e.getMessage());
        return e.getMessage();
    }

    @Test
    void eachKindBecomesItsSourceAndNothingIsSentUntilItIsUsed() throws Exception {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);

        Authentication token = resolve(sources, "t", CloudCredential.iamToken(TOKEN), null);
        Authentication user = resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD), null);
        Authentication key = resolve(sources, "k", CloudCredential.accessKey(AK, SK), null);
        Authentication agency = resolve(sources, "k", CloudCredential.accessKey(AK, SK), AGENCY);

        assertThat(emulator.requestCount()).isZero();
        assertThat(token.tokens().token().value()).isEqualTo(TOKEN);
        assertThat(token.accessKeys()).isNull();
        assertThat(user.tokens()).isInstanceOf(IamPasswordTokenSource.class);
        assertThat(key.accessKeys().accessKey().sameAs(AccessKey.of(AK, SK))).isTrue();
        assertThat(key.tokens()).isNull();
        assertThat(agency.accessKeys()).isInstanceOf(AgencyKeySource.class);
        assertThat(agency.accessKeys().accessKey().isTemporary()).isTrue();
        assertThat(emulator.requestCount("POST", AgencyKeySource.PATH)).isEqualTo(1);
        // Only the sources that call IAM are shared.
        assertThat(sources.keys()).hasSize(2);
    }

    @Test
    void aPlannedDeletionGivesItsCredentialIdProjectIamEndpointAccountAndAgency() throws Exception {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);
        DeletionDefaults defaults = DeletionDefaults.builder()
                .endpoint(emulator.url())
                .iamEndpoint(emulator.url())
                .iamDomain("acme")
                .credentialsId("configured")
                .build();
        DeletionPlan byPassword = DeletionJob.plan(
                DeletionRequest.builder().project(PROJECT).name("pr-1").build(), defaults, ArgumentNames.JENKINS);
        DeletionPlan byAgency = DeletionJob.plan(
                DeletionRequest.builder()
                        .project(TARGET)
                        .name("pr-1")
                        .credentialsId("key")
                        .agencyName("csms-teardown")
                        .agencyDomain("target")
                        .build(),
                defaults,
                ArgumentNames.JENKINS);

        Authentication user = sources.authentication(byPassword, CloudCredential.iamUser(USER, PASSWORD), BASE);
        Authentication agency = sources.authentication(byAgency, CloudCredential.accessKey(AK, SK), BASE);
        user.tokens().token();
        agency.accessKeys().accessKey();

        assertThat(emulator.requestCount("POST", "/v3/auth/tokens")).isEqualTo(1);
        assertThat(emulator.requestCount("POST", AgencyKeySource.PATH)).isEqualTo(1);
        assertThat(sources.keys())
                .satisfiesExactly(
                        key -> assertThat(key)
                                .startsWith("password|configured|")
                                .endsWith("|" + PROJECT),
                        key -> assertThat(key).startsWith("agency|key|").contains("|csms-teardown|target|"));
        assertThatThrownBy(() -> sources.authentication(byAgency, CloudCredential.iamToken(TOKEN), BASE))
                .hasMessageStartingWith("Credentials \"key\" hold an IAM token, but agency csms-teardown");
    }

    @Test
    void theSameCredentialSharesItsPasswordSourceAndItsOneExchange() throws Exception {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);

        Authentication first = resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD), null);
        Authentication second = resolve(sources, "u", CloudCredential.iamUser(" " + USER + " ", PASSWORD), null);
        first.tokens().token();
        second.tokens().token();

        assertThat(second.tokens()).isSameAs(first.tokens());
        assertThat(emulator.requestCount("POST", "/v3/auth/tokens")).isEqualTo(1);
    }

    @Test
    void aChangedPasswordAnotherIdAnotherProjectOrAnotherIamEndpointGetsItsOwnSource() {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);
        TokenSource original = resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD), null)
                .tokens();

        TokenSource changed = resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD + "!"), null)
                .tokens();
        TokenSource otherId = resolve(sources, "u2", CloudCredential.iamUser(USER, PASSWORD), null)
                .tokens();
        TokenSource otherProject = sources.authentication(
                        "u",
                        CloudCredential.iamUser(USER, PASSWORD),
                        ProjectId.of(TARGET),
                        iam,
                        "acme",
                        null,
                        SETTINGS,
                        BASE)
                .tokens();
        TokenSource otherIam = sources.authentication(
                        "u",
                        CloudCredential.iamUser(USER, PASSWORD),
                        ProjectId.of(PROJECT),
                        Endpoint.iamGlobal(),
                        "acme",
                        null,
                        SETTINGS,
                        BASE)
                .tokens();

        assertThat(List.of(changed, otherId, otherProject, otherIam))
                .doesNotContain(original)
                .doesNotHaveDuplicates();
        assertThat(resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isSameAs(original);
    }

    @Test
    void theSameAccessKeyAndAgencyShareTemporaryKeysAndAChangedKeyOrAgencyDoesNot() throws Exception {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);

        AccessKeySource first =
                resolve(sources, "k", CloudCredential.accessKey(AK, SK), AGENCY).accessKeys();
        AccessKeySource again =
                resolve(sources, "k", CloudCredential.accessKey(AK, SK), AGENCY).accessKeys();
        first.accessKey();
        again.accessKey();
        AccessKeySource otherSk = resolve(sources, "k", CloudCredential.accessKey(AK, SK + "x"), AGENCY)
                .accessKeys();
        AccessKeySource otherAgency = resolve(
                        sources, "k", CloudCredential.accessKey(AK, SK), Agency.of("csms-teardown", "other"))
                .accessKeys();
        AccessKeySource longerKeys = resolve(
                        sources, "k", CloudCredential.accessKey(AK, SK), AGENCY.withDuration(Duration.ofHours(2)))
                .accessKeys();

        assertThat(again).isSameAs(first);
        assertThat(emulator.requestCount("POST", AgencyKeySource.PATH)).isEqualTo(1);
        assertThat(List.of(otherSk, otherAgency, longerKeys))
                .doesNotContain(first)
                .doesNotHaveDuplicates();
    }

    @Test
    void theLeastRecentlyUsedSourceIsEvictedFirst() {
        CredentialSources sources = new CredentialSources(2, clock);
        TokenSource a = resolve(sources, "a", CloudCredential.iamUser(USER, PASSWORD), null)
                .tokens();
        TokenSource b = resolve(sources, "b", CloudCredential.iamUser(USER, PASSWORD), null)
                .tokens();

        assertThat(resolve(sources, "a", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isSameAs(a); // a is now the most recently used
        resolve(sources, "c", CloudCredential.iamUser(USER, PASSWORD), null);

        assertThat(sources.keys()).hasSize(2);
        assertThat(resolve(sources, "a", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isSameAs(a);
        assertThat(resolve(sources, "b", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isNotSameAs(b);
    }

    @Test
    void atMostSixtyFourSourcesAreKept() {
        CredentialSources sources = new CredentialSources();
        TokenSource first = resolve(sources, "id-0", CloudCredential.iamUser(USER, PASSWORD), null)
                .tokens();
        for (int i = 1; i <= CredentialSources.CAPACITY; i++) {
            resolve(sources, "id-" + i, CloudCredential.iamUser(USER, PASSWORD), null);
        }

        assertThat(sources.keys()).hasSize(64);
        assertThat(resolve(sources, "id-0", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isNotSameAs(first);
    }

    @Test
    void clearAndUncachedSourcesMakeNewSources() {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);
        TokenSource before = resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD), null)
                .tokens();
        sources.clear();
        CredentialSources uncached = CredentialSources.uncached(clock);

        assertThat(sources.keys()).isEmpty();
        assertThat(resolve(sources, "u", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isNotSameAs(before);
        assertThat(resolve(uncached, "u", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens())
                .isNotSameAs(resolve(uncached, "u", CloudCredential.iamUser(USER, PASSWORD), null)
                        .tokens());
        assertThat(uncached.keys()).isEmpty();
    }

    @Test
    void anAgencyIsRefusedForATokenAndForAPasswordNamingTheIdAndTheKindBeforeAnythingIsSent() {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);

        String token = refusal(sources, "csms-token", CloudCredential.iamToken(TOKEN), AGENCY);
        String user = refusal(sources, "csms-user", CloudCredential.iamUser(USER, PASSWORD), AGENCY);

        assertThat(token)
                .isEqualTo("Credentials \"csms-token\" hold an IAM token, but agency csms-teardown can only be"
                        + " assumed with a Huawei Cloud access key (AK/SK): choose access key credentials, or remove"
                        + " the agency (its name and account). Nothing was sent.");
        assertThat(user).startsWith("Credentials \"csms-user\" hold an IAM user name and password, but agency");
        assertThat(sources.keys()).isEmpty();
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void anUnusableCredentialIsRefusedNamingItAndWhatIsWrongButNoSecret() {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);

        assertThat(refusal(sources, "short", CloudCredential.iamToken(TOKEN.substring(0, 25)), null))
                .startsWith("Credentials \"short\" cannot be used: Token is invalid");
        assertThat(refusal(sources, "spaced", CloudCredential.iamToken(TOKEN + " " + TOKEN), null))
                .startsWith("Credentials \"spaced\" cannot be used: Token is invalid");
        assertThat(refusal(sources, "bad-sk", CloudCredential.accessKey(AK, SK + " " + SK), AGENCY))
                .startsWith("Credentials \"bad-sk\" cannot be used: Secret access key (SK) is invalid");
        assertThat(refusal(sources, "no-ak", CloudCredential.accessKey(null, SK), null))
                .isEqualTo("Credentials \"no-ak\" cannot be used: Access key id (AK) is missing.");
        assertThat(refusal(sources, "no-pw", CloudCredential.iamUser(USER, ""), null))
                .startsWith("Credentials \"no-pw\" cannot be used: IAM password is missing");
        String noAccount = assertThrows(
                        InvalidInputException.class,
                        () -> sources.authentication(
                                "no-account",
                                CloudCredential.iamUser(USER, PASSWORD),
                                ProjectId.of(PROJECT),
                                iam,
                                null,
                                null,
                                SETTINGS,
                                BASE))
                .getMessage();
        assertThat(noAccount).startsWith("Credentials \"no-account\" cannot be used: Account (domain) name is missing");
        assertThat(sources.keys()).isEmpty();
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void noSecretInTheCredentialsTheirSourcesOrTheSharingKeys() {
        CredentialSources sources = new CredentialSources(CredentialSources.CAPACITY, clock);
        List<CloudCredential> all = List.of(
                CloudCredential.iamToken(TOKEN),
                CloudCredential.iamUser(USER, PASSWORD),
                CloudCredential.accessKey(AK, SK));
        all.forEach(c -> shown.add(c.toString()));
        resolve(sources, "u", all.get(1), null);
        resolve(sources, "k", all.get(2), AGENCY);
        resolve(sources, "t", all.get(0), null);

        assertThat(all)
                .extracting(CloudCredential::toString)
                .allSatisfy(s -> assertThat(s).doesNotContain(AK));
        assertThat(sources.keys()).hasSize(2).allSatisfy(key -> assertThat(key).doesNotContain(AK, USER));
        // The shown texts are checked for every secret and every 24-character piece of one after each test.
        assertThat(shown).hasSizeGreaterThan(5);
    }

    @Test
    void anAuthenticationHoldsExactlyOneSource() {
        assertThatThrownBy(() -> new Authentication(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authentication(
                        TokenSource.fixed(Token.of(TOKEN)), AccessKeySource.fixed(AccessKey.of(AK, SK))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
