package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of "Test connection" against the emulator (IAM and CSMS on loopback, signatures verified for real):
 * each credential kind with and without a project and an endpoint, IAM and CSMS refusals, the agency rule, and the
 * requests each branch sends (none where nothing needs checking, one IAM call from a fresh source each time).
 */
class ConnectionCheckTest {
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String TARGET = "99990000aaaabbbbccccddddeeeeffff";
    private static final String USER = "ci-cleaner";
    private static final String PASSWORD = "Pw-of-the-ci-cleaner-4b1e9a77c2d3";
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "exampleSecretKey0123456789abcdefghijklmnopq";
    private static final String LIST = "/v1/" + PROJECT + "/secrets";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<String> lookedUp = new ArrayList<>();
    private CsmsEmulator emulator;
    private ConnectionCheck check;
    private String token;
    private Map<String, CloudCredential> stored;

    @BeforeEach
    void start() {
        emulator = CsmsEmulator.builder()
                .user("acme", USER, PASSWORD, PROJECT)
                .accessKey("acme", AK, SK, PROJECT)
                .agency("target", "csms-teardown", "acme", TARGET)
                .secret(PROJECT, "keep-me", "v")
                .secret(TARGET, "keep-me-too", "v")
                .clock(clock)
                .start();
        token = emulator.issueToken(PROJECT);
        stored = Map.of(
                "token", CloudCredential.iamToken(token),
                "user", CloudCredential.iamUser(USER, PASSWORD),
                "wrong-password", CloudCredential.iamUser(USER, "not-the-password-of-ci-cleaner"),
                "key", CloudCredential.accessKey(AK, SK));
        check = new ConnectionCheck(new OkHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The form with CSMS and IAM at the emulator, account "acme". */
    private ConnectionCheck.Form form(String id, String project) {
        return new ConnectionCheck.Form(id, null, emulator.url(), emulator.url(), "acme", null, null, project);
    }

    private ConnectionCheck.Form withoutEndpoint(String id, String project) {
        return new ConnectionCheck.Form(id, null, null, emulator.url(), "acme", null, null, project);
    }

    private ConnectionCheck.Form withAgency(String id, String project, String agency, String account) {
        return new ConnectionCheck.Form(id, null, emulator.url(), emulator.url(), "acme", agency, account, project);
    }

    private ConnectionCheck.Result run(ConnectionCheck.Form form) throws InterruptedException {
        ConnectionCheck.Result result = check.run(form, (id, url) -> {
            lookedUp.add(id + " at " + url);
            return stored.get(id);
        });
        for (String secret : List.of(token, PASSWORD, SK)) {
            assertThat(result.message()).doesNotContain(secret);
        }
        return result;
    }

    @Test
    void theFormIsReadByTheConfigurationPagesFieldNamesAndBlanksAreDropped() {
        Map<String, String> request = Map.of(
                "credentialsId", " csms-key ",
                "region", "cn-north-4",
                "endpoint", "https://kms.example.com",
                "iamEndpoint", "https://iam.example.com",
                "iamDomain", "acme",
                "agencyName", "teardown",
                "agencyDomain", "target",
                "testProjectId", " ");
        assertThat(ConnectionCheck.Form.from(request::get))
                .isEqualTo(new ConnectionCheck.Form(
                        "csms-key",
                        "cn-north-4",
                        "https://kms.example.com",
                        "https://iam.example.com",
                        "acme",
                        "teardown",
                        "target",
                        null));
        assertThat(ConnectionCheck.Form.from(name -> null))
                .isEqualTo(new ConnectionCheck.Form(null, null, null, null, null, null, null, null));
    }

    @Test
    void withoutCredentialsNothingIsLookedUp() throws Exception {
        ConnectionCheck.Result result = run(form("  ", PROJECT));

        assertThat(result).isEqualTo(new ConnectionCheck.Result(false, "Select credentials first."));
        assertThat(lookedUp).isEmpty();
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void unknownCredentialsAreNamedAndTheLookupGetsTheCsmsUrl() throws Exception {
        ConnectionCheck.Result result = run(form(" nope ", PROJECT));

        assertThat(result).isEqualTo(new ConnectionCheck.Result(false, "Cannot find credentials \"nope\"."));
        assertThat(lookedUp)
                .containsExactly("nope at " + Endpoint.of(emulator.url()).url());
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aLookupRefusalIsShownAsItIs() throws Exception {
        ConnectionCheck.Result result = check.run(form("a-file", PROJECT), (id, url) -> {
            throw new InvalidInputException("Credentials \"a-file\" are of an unsupported type (FileCredentialsImpl).");
        });

        assertThat(result)
                .isEqualTo(new ConnectionCheck.Result(
                        false, "Credentials \"a-file\" are of an unsupported type (FileCredentialsImpl)."));
    }

    @Test
    void aTokenIsCheckedByCsmsWithOneListingOfOneName() throws Exception {
        ConnectionCheck.Result result = run(form("token", PROJECT));

        assertThat(result.ok()).isTrue();
        assertThat(result.message())
                .startsWith("Credentials \"token\" hold a well-formed token. CSMS at 127.0.0.1 accepted the token for"
                        + " project " + PROJECT + " (HTTP 200) [HTTP 200, request id ")
                .endsWith("]. At most one secret name was read; nothing was deleted.")
                .doesNotContain("request id none");
        assertThat(emulator.requests())
                .singleElement()
                .satisfies(q -> assertThat(q.path() + "?" + q.query()).isEqualTo(LIST + "?limit=1"));
        assertThat(emulator.hasSecret(PROJECT, "keep-me")).isTrue();
    }

    @Test
    void aRefusedTokenFailsWithStatusAndRequestIdAfterOneAttempt() throws Exception {
        emulator.revokeTokens();

        ConnectionCheck.Result result = run(form("token", PROJECT));

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .startsWith("Failed for credentials \"token\": ")
                .contains("[HTTP 401, error code ")
                .contains(", request id ")
                .doesNotContain("request id none");
        // A fixed token cannot be refreshed and a test makes one attempt: one request.
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutAProjectOrWithoutAnEndpointSendsNothing() throws Exception {
        ConnectionCheck.Result noProject = run(form("token", null));
        ConnectionCheck.Result noEndpoint = run(withoutEndpoint("token", PROJECT));

        assertThat(noProject)
                .isEqualTo(new ConnectionCheck.Result(
                        true,
                        "Credentials \"token\" hold a well-formed token. No project id is given, so CSMS was not"
                                + " called: give one (and a region or endpoint) to have CSMS check the credentials."));
        assertThat(noEndpoint)
                .isEqualTo(new ConnectionCheck.Result(
                        true,
                        "Credentials \"token\" hold a well-formed token. No region or endpoint is set, so CSMS was"
                                + " not called."));
        assertThat(lookedUp)
                .containsExactly("token at " + Endpoint.of(emulator.url()).url(), "token at null");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aPasswordIsExchangedAtIamEveryTimeAndTheTokenCheckedByCsms() throws Exception {
        ConnectionCheck.Result first = run(form("user", PROJECT));
        ConnectionCheck.Result second = run(form("user", PROJECT));

        assertThat(first.ok()).isTrue();
        assertThat(first.message())
                .startsWith("Success: IAM at 127.0.0.1 issued a project-scoped token for user ci-cleaner of account"
                        + " acme (credentials \"user\"). The token is not shown. CSMS at 127.0.0.1 accepted the token"
                        + " for project " + PROJECT + " (HTTP 200)");
        assertThat(second).isEqualTo(new ConnectionCheck.Result(true, second.message()));
        // Fresh sources: a test really asks IAM, even right after another.
        assertThat(emulator.requestCount("POST", "/v3/auth/tokens")).isEqualTo(2);
        assertThat(emulator.requestCount("GET", LIST)).isEqualTo(2);
        assertThat(emulator.requestCount()).isEqualTo(4);
    }

    @Test
    void aRefusedPasswordFailsAfterOneIamRequestAndCsmsIsNotCalled() throws Exception {
        ConnectionCheck.Result result = run(form("wrong-password", PROJECT));

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .startsWith("Failed for credentials \"wrong-password\": IAM at 127.0.0.1 refused the password"
                        + " exchange for user 'ci-cleaner' of account 'acme': HTTP 401")
                .doesNotContain("not-the-password-of-ci-cleaner");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aPasswordNeedsAProjectAndWithoutAnEndpointOnlyIamIsAsked() throws Exception {
        ConnectionCheck.Result noProject = run(form("user", null));
        assertThat(noProject)
                .isEqualTo(new ConnectionCheck.Result(
                        false, "Give a project id for the test: IAM tokens are scoped to a project."));
        assertThat(emulator.requestCount()).isZero();

        ConnectionCheck.Result noEndpoint = run(withoutEndpoint("user", PROJECT));
        assertThat(noEndpoint.ok()).isTrue();
        assertThat(noEndpoint.message())
                .startsWith("Success: IAM at 127.0.0.1 issued a project-scoped token")
                .endsWith("The token is not shown. No region or endpoint is set, so CSMS was not called.");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aPasswordWithoutAnAccountCannotBeUsed() throws Exception {
        ConnectionCheck.Result result =
                run(new ConnectionCheck.Form("user", null, emulator.url(), emulator.url(), " ", null, null, PROJECT));

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .startsWith("Credentials \"user\" cannot be used: Account (domain) name is missing");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void anAccessKeyIsCheckedByCsmsWithASignedRequest() throws Exception {
        ConnectionCheck.Result result = run(form("key", PROJECT));

        assertThat(result.ok()).isTrue();
        assertThat(result.message())
                .startsWith("Credentials \"key\" hold a well-formed access key. CSMS at 127.0.0.1 accepted the request"
                        + " signed with the access key for project " + PROJECT + " (HTTP 200)");
        assertThat(emulator.requests()).singleElement().satisfies(q -> {
            assertThat(q.path()).isEqualTo(LIST);
            assertThat(q.authTokenPresent()).isFalse();
            assertThat(q.status()).isEqualTo(200);
        });
    }

    @Test
    void anAccessKeyWithoutAProjectSendsNothing() throws Exception {
        ConnectionCheck.Result result = run(form("key", null));

        assertThat(result.ok()).isTrue();
        assertThat(result.message())
                .isEqualTo("Credentials \"key\" hold a well-formed access key. No project id is given, so CSMS was"
                        + " not called: give one (and a region or endpoint) to have CSMS check the credentials.");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void anAccessKeyWithAnAgencyGetsFreshTemporaryKeysAndProbesTheTargetProject() throws Exception {
        ConnectionCheck.Result first = run(withAgency("key", TARGET, "csms-teardown", "target"));
        ConnectionCheck.Result second = run(withAgency("key", TARGET, "csms-teardown", "target"));

        assertThat(first.ok()).isTrue();
        assertThat(first.message())
                .startsWith("Success: IAM at 127.0.0.1 issued temporary keys of agency csms-teardown of account"
                        + " target to credentials \"key\". The keys are not shown. CSMS at 127.0.0.1 accepted the"
                        + " request signed with the access key for project " + TARGET + " (HTTP 200)");
        assertThat(second.ok()).isTrue();
        assertThat(emulator.requestCount("POST", AgencyKeySource.PATH)).isEqualTo(2);
        assertThat(emulator.requestCount("GET", "/v1/" + TARGET + "/secrets")).isEqualTo(2);
    }

    @Test
    void anAgencyWithoutAProjectOnlyAsksIam() throws Exception {
        ConnectionCheck.Result result = run(withAgency("key", null, "csms-teardown", "target"));

        assertThat(result.ok()).isTrue();
        assertThat(result.message())
                .endsWith("The keys are not shown. No project id is given, so CSMS was not called: give one (and a"
                        + " region or endpoint) to have CSMS check the credentials.");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedAgencyFailsAfterOneIamRequest() throws Exception {
        ConnectionCheck.Result result = run(withAgency("key", TARGET, "no-such-agency", "target"));

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .startsWith("Failed for credentials \"key\": IAM at 127.0.0.1 refused temporary keys for agency"
                        + " 'no-such-agency' of account 'target': HTTP 403");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void anAgencyWithATokenOrAPasswordIsRefusedBeforeAnythingIsSent() throws Exception {
        ConnectionCheck.Result token = run(withAgency("token", PROJECT, "csms-teardown", "target"));
        ConnectionCheck.Result user = run(withAgency("user", null, "csms-teardown", "target"));

        assertThat(token.ok()).isFalse();
        assertThat(token.message())
                .startsWith("Credentials \"token\" hold an IAM token, but agency csms-teardown can only be assumed"
                        + " with a Huawei Cloud access key (AK/SK)");
        // The agency rule comes before the password's need for a project.
        assertThat(user.message()).startsWith("Credentials \"user\" hold an IAM user name and password, but agency");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void invalidFormValuesAreRefusedBeforeAnythingIsSent() throws Exception {
        assertThat(run(withAgency("key", PROJECT, "csms-teardown", null)).message())
                .startsWith("Give agencyName and agencyDomain together");
        assertThat(run(form("token", "not-a-project")))
                .satisfies(r -> assertThat(r.ok()).isFalse())
                .satisfies(r -> assertThat(r.message()).contains("not-a-project"));
        assertThat(run(new ConnectionCheck.Form(
                                "user", null, emulator.url(), "ftp://iam.example", "acme", null, null, PROJECT))
                        .ok())
                .isFalse();
        assertThat(emulator.requestCount()).isZero();
    }
}
