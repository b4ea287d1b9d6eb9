package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.DOMAIN;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PASSWORD;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.USER;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.runPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.RecordedRequest;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * "Huawei Cloud access key" credentials end to end against the emulator, which verifies every signature for real
 * and issues an agency's temporary keys: the Pipeline step, an agency (argument and global), Test connection, and an
 * agency refused with another credential type before anything is sent.
 */
@WithJenkins
class AccessKeyCredentialsTest {

    private static final String AK = "HPUAJENKINSTEST0000001";
    private static final String SK = "jenkinsTestSecretKey0123456789abcdefghijk";
    private static final String KEY_ID = "csms-access-key";
    private static final String TARGET = "fedcba9876543210fedcba9876543210";
    private static final String TARGET_ACCOUNT = "target-account";
    private static final String AGENCY = "csms-teardown";
    private static final String SECURITY_TOKENS = "/v3.0/OS-CREDENTIAL/securitytokens";

    private JenkinsRule r;
    private CsmsEmulator emu;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        CredentialResolver.SOURCES.clear();
        emu = CsmsEmulator.builder()
                .port(0)
                .user(DOMAIN, USER, PASSWORD, PROJECT)
                .accessKey(DOMAIN, AK, SK, PROJECT)
                .agency(TARGET_ACCOUNT, AGENCY, DOMAIN, TARGET)
                .start();
        CsmsTestSupport.addTokenCredentials(emu);
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new HuaweiCloudAccessKeyCredentialsImpl(
                        CredentialsScope.GLOBAL, KEY_ID, "CSMS access key", AK, Secret.fromString(SK)));
        SystemCredentialsProvider.getInstance().save();
        CsmsTestSupport.configure(emu);
        emu.resetCounters();
    }

    @AfterEach
    void tearDown() {
        emu.close();
        CredentialResolver.SOURCES.clear();
    }

    private static String step(String project, String name, String extra) {
        return "def r = deleteSecretNow(project: '" + project + "', name: '" + name + "'" + extra + ")\n"
                + "echo \"RESULT outcome=${r.outcome} status=${r.status}\"\n";
    }

    private void assertNothingStored(WorkflowRun b) throws Exception {
        r.assertLogNotContains(SK, b);
        String buildXml = CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml"));
        assertFalse(buildXml.contains(SK), "the secret key must not be stored with the build");
        String jobXml = CsmsTestSupport.read(b.getParent().getRootDir().toPath().resolve("config.xml"));
        assertFalse(jobXml.contains(SK));
    }

    @Test
    void aPipelineDeletesWithSignedRequests() throws Exception {
        emu.createSecret(PROJECT, "ak-db", "v");

        WorkflowRun b = runPipeline(r, step(PROJECT, "ak-db", ", credentialsId: '" + KEY_ID + "'"), Result.SUCCESS);

        r.assertLogContains("RESULT outcome=SUCCESS status=200", b);
        assertFalse(emu.secretNames(PROJECT).contains("ak-db"));
        List<RecordedRequest> deletes =
                emu.requests().stream().filter(q -> q.method().equals("DELETE")).toList();
        assertEquals(1, deletes.size(), deletes.toString());
        // The emulator accepts this pair only with a valid SDK-HMAC-SHA256 signature; no token was sent.
        assertEquals(200, deletes.get(0).status());
        assertFalse(deletes.get(0).authTokenPresent());
        assertEquals(0, emu.requestCount("POST", "/v3/auth/tokens"));
        assertNothingStored(b);
    }

    @Test
    void anAgencyArgumentDeletesInTheTargetAccountWithTemporaryKeys() throws Exception {
        emu.createSecret(TARGET, "env-db", "v");
        emu.createSecret(TARGET, "env-cache", "v");
        String agency = ", credentialsId: '" + KEY_ID + "', agencyName: '" + AGENCY + "', agencyDomain: '"
                + TARGET_ACCOUNT + "'";

        WorkflowRun first = runPipeline(r, step(TARGET, "env-db", agency), Result.SUCCESS);
        WorkflowRun second = runPipeline(r, step(TARGET, "env-cache", agency), Result.SUCCESS);

        r.assertLogContains("RESULT outcome=SUCCESS status=200", first);
        r.assertLogContains("RESULT outcome=SUCCESS status=200", second);
        assertTrue(emu.secretNames(TARGET).isEmpty(), emu.secretNames(TARGET).toString());
        // The temporary keys are cached in memory for the key, agency and IAM endpoint: one IAM call for both builds.
        assertEquals(1, emu.requestCount("POST", SECURITY_TOKENS));
        assertNothingStored(first);
        assertNothingStored(second);
    }

    @Test
    void aFreestyleBuildStepDeletesThroughAnAgency() throws Exception {
        emu.createSecret(TARGET, "fs-env-db", "v");
        SecretDeletion deletion = CsmsTestSupport.deletion(TARGET, "fs-env-db");
        deletion.setCredentialsId(KEY_ID);
        deletion.setAgencyName(AGENCY);
        deletion.setAgencyDomain(TARGET_ACCOUNT);
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new DeleteSecretBuilder(deletion));

        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        assertFalse(emu.secretNames(TARGET).contains("fs-env-db"));
        assertEquals(1, emu.requestCount("POST", SECURITY_TOKENS));
        r.assertLogNotContains(SK, b);
        assertFalse(CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml"))
                .contains(SK));
    }

    @Test
    void theConfiguredAgencyGoesWithTheDefaultAccessKey() throws Exception {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        global.setCredentialsId(KEY_ID);
        global.setAgencyName(AGENCY);
        global.setAgencyDomain(TARGET_ACCOUNT);
        emu.createSecret(TARGET, "env-queue", "v");

        WorkflowRun b = runPipeline(r, step(TARGET, "env-queue", ""), Result.SUCCESS);

        r.assertLogContains("RESULT outcome=SUCCESS status=200", b);
        assertFalse(emu.secretNames(TARGET).contains("env-queue"));
        assertEquals(1, emu.requestCount("POST", SECURITY_TOKENS));
        String stored = CsmsTestSupport.read(
                r.jenkins.getRootDir().toPath().resolve(CsmsGlobalConfiguration.class.getName() + ".xml"));
        assertTrue(stored.contains(AGENCY));
        assertFalse(stored.contains(SK));
    }

    @Test
    void anAgencyWithATokenCredentialIsRefusedBeforeAnythingIsSent() throws Exception {
        emu.createSecret(PROJECT, "keep", "v");
        emu.resetCounters();

        WorkflowRun b = runPipeline(
                r,
                step(
                        PROJECT,
                        "keep",
                        ", credentialsId: '" + TOKEN_ID + "', agencyName: '" + AGENCY + "', agencyDomain: '"
                                + TARGET_ACCOUNT + "'"),
                Result.FAILURE);

        r.assertLogContains("can only be assumed with a Huawei Cloud access key", b);
        r.assertLogContains(TOKEN_ID, b);
        assertEquals(0, emu.requestCount(), emu.requests().toString());
        assertTrue(emu.secretNames(PROJECT).contains("keep"));
    }

    @Test
    void anAgencyWithOnlyItsNameIsRefusedBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = runPipeline(
                r,
                step(PROJECT, "keep", ", credentialsId: '" + KEY_ID + "', agencyName: '" + AGENCY + "'"),
                Result.FAILURE);

        r.assertLogContains("Give agencyName and agencyDomain together", b);
        assertEquals(0, emu.requestCount());
    }

    private String testConnection(String credentialsId, String extra) throws Exception {
        String url = "descriptorByName/" + CsmsGlobalConfiguration.class.getName() + "/testConnection?credentialsId="
                + credentialsId + "&endpoint=" + URLEncoder.encode(emu.url(), StandardCharsets.UTF_8)
                + "&iamEndpoint=" + URLEncoder.encode(emu.url(), StandardCharsets.UTF_8) + extra;
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            WebRequest request = new WebRequest(new URL(r.getURL(), url), HttpMethod.POST);
            wc.addCrumb(request);
            return wc.getPage(request).getWebResponse().getContentAsString();
        }
    }

    @Test
    void testConnectionWithAnAccessKeyProbesCsmsWithASignedRequest() throws Exception {
        String text = testConnection(KEY_ID, "&testProjectId=" + PROJECT);

        assertTrue(text.contains("well-formed access key"), text);
        assertTrue(text.contains("accepted the request signed with the access key"), text);
        assertFalse(text.contains(SK));
        assertEquals(1, emu.requestCount("GET", "/v1/" + PROJECT + "/secrets"));
        assertEquals(1, emu.requestCount());
    }

    @Test
    void testConnectionWithAnAgencyObtainsTemporaryKeysAndProbesTheTarget() throws Exception {
        String text = testConnection(
                KEY_ID, "&agencyName=" + AGENCY + "&agencyDomain=" + TARGET_ACCOUNT + "&testProjectId=" + TARGET);

        assertTrue(text.contains("issued temporary keys of agency " + AGENCY), text);
        assertTrue(text.contains("accepted the request signed with the access key"), text);
        assertEquals(1, emu.requestCount("POST", SECURITY_TOKENS));
        assertEquals(1, emu.requestCount("GET", "/v1/" + TARGET + "/secrets"));
    }

    @Test
    void testConnectionRefusesAnAgencyWithATokenCredentialWithoutARequest() throws Exception {
        String text = testConnection(
                TOKEN_ID, "&agencyName=" + AGENCY + "&agencyDomain=" + TARGET_ACCOUNT + "&testProjectId=" + PROJECT);

        assertTrue(text.contains("can only be assumed with a Huawei Cloud access key"), text);
        assertEquals(0, emu.requestCount());
    }
}
