package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step and post-build action, and their Pipeline symbols. */
@WithJenkins
class DeleteSecretBuilderTest {

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

    @Test
    void configRoundTrip() throws Exception {
        DeleteSecretBuilder builder = new DeleteSecretBuilder(PROJECT);
        builder.setName("db-password");
        builder.setCredentialsId(TOKEN_ID);
        builder.setEndpoint("https://kms.example.internal");
        builder.setIamDomain("my-account");
        builder.setAgencyName("csms-teardown");
        builder.setAgencyDomain("target-account");
        builder.setIfMissing("FAILURE");
        builder.setAttempts(4);
        builder.setTimeout(20);
        DeleteSecretRecorder recorder = new DeleteSecretRecorder(PROJECT);
        recorder.setNames("pr-1-db pr-1-cache");
        recorder.setRegion("cn-north-4");
        recorder.setAgencyName("csms-teardown");
        recorder.setAgencyDomain("target-account");
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder);
        p.getPublishersList().add(recorder);
        p = r.configRoundtrip(p);
        r.assertEqualDataBoundBeans(builder, p.getBuildersList().get(DeleteSecretBuilder.class));
        r.assertEqualDataBoundBeans(recorder, p.getPublishersList().get(DeleteSecretRecorder.class));
        assertFalse(p.getConfigFile().asString().contains(token));
    }

    @Test
    void buildStepDeletesAndMarksUnstableWhenAbsent() throws Exception {
        emu.createSecret(PROJECT, "fs-db", "a");
        FreeStyleProject p = r.createFreeStyleProject();
        DeleteSecretBuilder builder = new DeleteSecretBuilder(PROJECT);
        builder.setNames("fs-db, fs-gone");
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.buildAndAssertStatus(Result.UNSTABLE, p);
        r.assertLogContains("SUCCESS fs-db", b);
        r.assertLogContains("UNSTABLE fs-gone", b);
        r.assertLogNotContains(token, b);
        assertFalse(emu.hasSecret(PROJECT, "fs-db"));
        assertEquals(2, b.getAction(CsmsDeletionAction.class).getRows().size());
    }

    @Test
    void buildStepFailureFailsTheBuild() throws Exception {
        emu.createSecret(PROJECT, "fs-denied", "a");
        emu.script("fs-denied", Fault.status(403));
        FreeStyleProject p = r.createFreeStyleProject();
        DeleteSecretBuilder builder = new DeleteSecretBuilder(PROJECT);
        builder.setName("fs-denied");
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("HTTP 403", b);
        assertTrue(emu.hasSecret(PROJECT, "fs-denied"));
    }

    @Test
    void postBuildActionRunsAfterAFailedBuild() throws Exception {
        emu.createSecret(PROJECT, "fs-teardown", "a");
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new FailureBuilder());
        DeleteSecretRecorder recorder = new DeleteSecretRecorder(PROJECT);
        recorder.setName("fs-teardown");
        p.getPublishersList().add(recorder);
        FreeStyleBuild b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("SUCCESS fs-teardown", b);
        assertFalse(emu.hasSecret(PROJECT, "fs-teardown"));
    }

    @Test
    void symbolsWorkInPipeline() throws Exception {
        emu.createSecret(PROJECT, "sym-1", "a");
        emu.createSecret(PROJECT, "sym-2", "b");
        WorkflowRun b = CsmsTestSupport.runPipeline(
                r,
                "deleteHuaweiCloudSecret project: '" + PROJECT + "', name: 'sym-1'\n"
                        + "deleteHuaweiCloudSecretAfterBuild project: '" + PROJECT + "', names: 'sym-2 sym-3'",
                Result.UNSTABLE);
        r.assertLogContains("SUCCESS sym-1", b);
        r.assertLogContains("SUCCESS sym-2", b);
        r.assertLogContains("UNSTABLE sym-3", b);
        assertTrue(emu.secretNames(PROJECT).isEmpty());
    }
}
