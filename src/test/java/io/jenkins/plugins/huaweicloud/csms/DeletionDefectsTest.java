package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.deletes;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.runPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainSpecification;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import hudson.ProxyConfiguration;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The plugin defects of issue 9 that only Jenkins can show: each test fails with the glue as it was. */
@WithJenkins
class DeletionDefectsTest {

    private JenkinsRule r;
    private CsmsEmulator emu;
    private String token;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        emu = CsmsTestSupport.startEmulator();
        token = CsmsTestSupport.addTokenCredentials(emu);
        CsmsTestSupport.configure(emu);
    }

    @AfterEach
    void tearDown() {
        emu.close();
    }

    /** Waits, without sleeping, until the emulator has taken the scripted delay: the DELETE is in flight. */
    private void awaitInFlight(String name) {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (emu.pendingScript(name) > 0 && Instant.now().isBefore(giveUp)) {
            Thread.onSpinWait();
        }
        assertEquals(0, emu.pendingScript(name), "the DELETE of " + name + " never reached the emulator");
    }

    private static long csmsLines(String log) {
        return log.lines().filter(l -> l.contains(DeletionRunner.LOG_PREFIX)).count();
    }

    @Test
    void anAbortCancelsTheCallInFlightAndNothingIsLoggedOrRecordedAfterTheStep() throws Exception {
        emu.createSecret(PROJECT, "slow", "a");
        emu.script("slow", Fault.delay(Duration.ofSeconds(60)));
        WorkflowJob p = CsmsTestSupport.pipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', name: 'slow', timeout: 120, attempts: 1");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Deleting 1 secret of project", b);
        awaitInFlight("slow");

        b.getExecutor().interrupt();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        long linesAtTheEnd = csmsLines(JenkinsRule.getLog(b));

        // The emulator got the DELETE but never answered it (its 60 s delay is still running), so the secret is
        // still there; the build is over, so the call was cancelled, not waited for.
        assertTrue(emu.hasSecret(PROJECT, "slow"));
        assertEquals(0, deletes(emu, "slow"));
        assertNull(b.getAction(CsmsDeletionAction.class));
        r.assertLogNotContains("SUCCESS slow", b);
        assertEquals(linesAtTheEnd, csmsLines(JenkinsRule.getLog(b)));
    }

    @Test
    void anAbortedFreestyleBuildStepCancelsItsCall() throws Exception {
        emu.createSecret(PROJECT, "fs-slow", "a");
        emu.script("fs-slow", Fault.delay(Duration.ofSeconds(60)));
        FreeStyleProject p = r.createFreeStyleProject();
        SecretDeletion deletion = CsmsTestSupport.deletion(PROJECT, "fs-slow");
        deletion.setTimeout(120);
        deletion.setAttempts(1);
        p.getBuildersList().add(new DeleteSecretBuilder(deletion));
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Deleting 1 secret of project", b);
        awaitInFlight("fs-slow");

        b.getExecutor().interrupt();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));

        assertTrue(emu.hasSecret(PROJECT, "fs-slow"));
        assertEquals(0, deletes(emu, "fs-slow"));
        assertNull(b.getAction(CsmsDeletionAction.class));
    }

    @Test
    void theJenkinsProxyCarriesTheRequest() throws Exception {
        emu.createSecret(PROJECT, "via-proxy", "a");
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(new MockResponse.Builder().code(200).build());
            proxy.start();
            r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.getPort()));

            runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', name: 'via-proxy'", Result.SUCCESS);

            RecordedRequest request = proxy.takeRequest();
            assertEquals("DELETE", request.getMethod());
            assertTrue(request.getTarget().endsWith("/v1/" + PROJECT + "/secrets/via-proxy"), request.getTarget());
            assertEquals(token, request.getHeaders().get("X-Auth-Token"));
            assertEquals(1, proxy.getRequestCount());
        } finally {
            r.jenkins.setProxy(null);
        }
        assertEquals(0, deletes(emu, "via-proxy"));
        assertTrue(emu.hasSecret(PROJECT, "via-proxy"));
    }

    @Test
    void aCredentialRestrictedToAnotherHostIsNeitherListedNorSent() throws Exception {
        CredentialsStore store =
                CredentialsProvider.lookupStores(r.jenkins).iterator().next();
        Domain elsewhere = new Domain(
                "elsewhere",
                "kms.example.com only",
                List.<DomainSpecification>of(new HostnameSpecification("kms.example.com", null)));
        store.addDomain(
                elsewhere,
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "elsewhere-token", "x", Secret.fromString(emu.issueToken(PROJECT))));
        emu.createSecret(PROJECT, "db", "a");

        WorkflowRun b = runPipeline(
                r,
                "deleteSecretNow project: '" + PROJECT + "', name: 'db', credentialsId: 'elsewhere-token'",
                Result.FAILURE);
        r.assertLogContains("Credentials \"elsewhere-token\" were not found", b);
        assertEquals(0, emu.requestCount());

        ListBoxModel here = FormSupport.fillCredentialsIdItems(null, "", emu.url(), null);
        ListBoxModel there = FormSupport.fillCredentialsIdItems(null, "", "https://kms.example.com", null);
        assertFalse(here.stream().anyMatch(o -> o.value.equals("elsewhere-token")), here.toString());
        assertTrue(here.stream().anyMatch(o -> o.value.equals(TOKEN_ID)), here.toString());
        assertTrue(there.stream().anyMatch(o -> o.value.equals("elsewhere-token")), there.toString());
    }

    @Test
    void aNameGivenTwiceIsDeletedOnceSoTheBuildStaysGreen() throws Exception {
        emu.createSecret(PROJECT, "twice", "a");
        WorkflowRun b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', names: 'twice other-1 twice'", Result.UNSTABLE);
        r.assertLogContains("names twice is given more than once; it is deleted once.", b);
        assertEquals(1, deletes(emu, "twice"));
        assertEquals(2, b.getAction(CsmsDeletionAction.class).getRows().size());
    }

    @Test
    void failOnErrorFalseReturnsEveryResultAndMarksTheStage() throws Exception {
        emu.createSecret(PROJECT, "ok-1", "a");
        emu.createSecret(PROJECT, "denied-1", "b");
        emu.script("denied-1", Fault.status(403));
        WorkflowRun b = runPipeline(
                r,
                "def rs = deleteSecretNow project: '" + PROJECT + "', names: 'denied-1 ok-1', failOnError: false\n"
                        + "for (def x : rs) { echo \"ITEM ${x.name} ${x.outcome}\" }",
                Result.FAILURE);
        r.assertLogContains("ITEM denied-1 FAILURE", b);
        r.assertLogContains("ITEM ok-1 SUCCESS", b);
        assertFalse(emu.hasSecret(PROJECT, "ok-1"));
        assertTrue(hasWarning(b, Result.FAILURE));
    }

    @Test
    void theFreestyleSymbolsInAPipelineMarkTheStage() throws Exception {
        WorkflowRun b = runPipeline(
                r,
                "stage('teardown') { deleteHuaweiCloudSecret project: '" + PROJECT + "', name: 'absent-1' }",
                Result.UNSTABLE);
        r.assertLogContains("UNSTABLE absent-1", b);
        assertTrue(hasWarning(b, Result.UNSTABLE));
    }

    @Test
    void theRowsAreSavedWhileTheBuildStillRuns() throws Exception {
        emu.createSecret(PROJECT, "first-db", "a");
        emu.createSecret(PROJECT, "slow-2", "b");
        emu.script("slow-2", Fault.delay(Duration.ofSeconds(60)));
        WorkflowJob p = CsmsTestSupport.pipeline(
                r,
                "deleteSecretNow project: '" + PROJECT + "', name: 'first-db'\n" + "deleteSecretNow project: '"
                        + PROJECT + "', name: 'slow-2', timeout: 120, attempts: 1");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        awaitInFlight("slow-2");

        String saved = CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml"));
        b.getExecutor().interrupt();
        r.waitForCompletion(b);

        assertTrue(saved.contains("first-db"), saved);
        assertFalse(saved.contains(token));
    }

    private static boolean hasWarning(WorkflowRun b, Result result) throws Exception {
        for (FlowNode node : new DepthFirstScanner().allNodes(b.getExecution())) {
            WarningAction warning = node.getPersistentAction(WarningAction.class);
            if (warning != null && warning.getResult() == result) {
                return true;
            }
        }
        return false;
    }
}
