package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.deletes;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.runPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.RecordedRequest;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** scheduleSecretDeletion, restoreSecret, teardown by tags, and the freestyle choice of a scheduled deletion. */
@WithJenkins
class SecretLifecycleStepsTest {

    private static final String PENDING = "PENDING_DELETE";
    private static final String ENABLED = "ENABLED";

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

    private int tasks(String name, String what) {
        return emu.requestCount("POST", "/v1/" + PROJECT + "/secrets/" + name + "/scheduled-deleted-tasks/" + what);
    }

    private int deleteRequests() {
        int n = 0;
        for (RecordedRequest q : emu.requests()) {
            if (q.method().equals("DELETE")) {
                n++;
            }
        }
        return n;
    }

    private void tagged(String name, String key, String value) {
        emu.createSecret(PROJECT, name, "v");
        emu.tagSecret(PROJECT, name, key, value);
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

    @Test
    void scheduleSecretDeletionLeavesTheSecretPendingDeletion() throws Exception {
        emu.createSecret(PROJECT, "app.db-password", "s3cr3t");
        WorkflowRun b = runPipeline(
                r,
                "def x = scheduleSecretDeletion(project: '" + PROJECT + "', name: 'app.db-password',"
                        + " recoveryWindowDays: 7)\n"
                        + "echo \"RESULT ${x.kind} ${x.outcome} ${x.status}\"",
                Result.SUCCESS);
        r.assertLogContains("RESULT SCHEDULED SUCCESS 200", b);
        r.assertLogContains("in 7 days", b);
        r.assertLogNotContains(token, b);
        assertEquals(PENDING, emu.secretState(PROJECT, "app.db-password"));
        assertEquals(1, tasks("app.db-password", "create"));
        assertEquals(0, deletes(emu, "app.db-password"));
        assertEquals(
                "SCHEDULED",
                b.getAction(CsmsDeletionAction.class).getRows().get(0).getKind());
    }

    @Test
    void aWindowOutsideSevenToThirtyFailsBeforeAnyRequest() throws Exception {
        emu.createSecret(PROJECT, "keep", "v");
        WorkflowRun b = runPipeline(
                r,
                "scheduleSecretDeletion project: '" + PROJECT + "', name: 'keep', recoveryWindowDays: 31",
                Result.FAILURE);
        r.assertLogContains("recoveryWindowDays: Recovery window 31 is invalid: it must be from 7 to 30 days", b);
        assertEquals(0, emu.requestCount());
        assertEquals(ENABLED, emu.secretState(PROJECT, "keep"));
    }

    @Test
    void restoreSecretBringsAPendingSecretBack() throws Exception {
        emu.createSecret(PROJECT, "pr-5-db", "v");
        emu.scheduleSecretDeletion(PROJECT, "pr-5-db", 30);
        WorkflowRun b = runPipeline(
                r,
                "def x = restoreSecret(project: '" + PROJECT + "', name: 'pr-5-db')\n"
                        + "echo \"RESULT ${x.kind} ${x.outcome}\"",
                Result.SUCCESS);
        r.assertLogContains("RESULT RESTORED SUCCESS", b);
        assertEquals(ENABLED, emu.secretState(PROJECT, "pr-5-db"));
        assertEquals(1, tasks("pr-5-db", "cancel"));
    }

    @Test
    void scheduleThenRestoreInOnePipeline() throws Exception {
        emu.createSecret(PROJECT, "a", "v");
        emu.createSecret(PROJECT, "b", "v");
        WorkflowRun b = runPipeline(
                r,
                "def s = scheduleSecretDeletion(project: '" + PROJECT + "', names: 'a b')\n"
                        + "echo \"SCHEDULED ${s.collect { it.kind }}\"\n"
                        + "def x = restoreSecret(project: '" + PROJECT + "', names: 'a')\n"
                        + "echo \"RESTORED ${x.collect { it.kind }}\"",
                Result.SUCCESS);
        r.assertLogContains("SCHEDULED [SCHEDULED, SCHEDULED]", b);
        r.assertLogContains("in 30 days", b);
        r.assertLogContains("RESTORED [RESTORED]", b);
        assertEquals(ENABLED, emu.secretState(PROJECT, "a"));
        assertEquals(PENDING, emu.secretState(PROJECT, "b"));
    }

    @Test
    void restoreOfASecretThatIsNotPendingIsUnstable() throws Exception {
        emu.createSecret(PROJECT, "live", "v");
        WorkflowRun b = runPipeline(
                r,
                "def x = restoreSecret(project: '" + PROJECT + "', name: 'live')\n"
                        + "echo \"RESULT ${x.kind} ${x.outcome} ${x.status} ${x.errorCode}\"",
                Result.UNSTABLE);
        r.assertLogContains("RESULT NOT_SCHEDULED UNSTABLE 400 CSMS.0108", b);
        r.assertLogContains("nothing to restore", b);
        assertTrue(hasWarning(b, Result.UNSTABLE));
        assertEquals(ENABLED, emu.secretState(PROJECT, "live"));
        assertEquals(1, tasks("live", "cancel"));
    }

    @Test
    void deleteSecretNowOfAPendingSecretFailsSayingWhy() throws Exception {
        emu.createSecret(PROJECT, "pending", "v");
        emu.scheduleSecretDeletion(PROJECT, "pending", 30);
        WorkflowRun b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', name: 'pending'", Result.FAILURE);
        r.assertLogContains("FAILURE: secret pending: not deleted now: the secret is pending a scheduled deletion", b);
        r.assertLogContains("restore it first and delete it again", b);
        assertEquals(PENDING, emu.secretState(PROJECT, "pending"));
        assertEquals(1, deletes(emu, "pending"));
        assertEquals(
                "PENDING_DELETION",
                b.getAction(CsmsDeletionAction.class).getRows().get(0).getKind());

        b = runPipeline(
                r,
                "def x = deleteSecretNow(project: '" + PROJECT + "', name: 'pending', failOnError: false)\n"
                        + "echo \"RESULT ${x.kind} ${x.outcome}\"",
                Result.FAILURE);
        r.assertLogContains("RESULT PENDING_DELETION FAILURE", b);
    }

    @Test
    void schedulingAPendingSecretAgainChangesNothingAndFails() throws Exception {
        emu.createSecret(PROJECT, "twice", "v");
        emu.scheduleSecretDeletion(PROJECT, "twice", 30);
        WorkflowRun b = runPipeline(
                r,
                "def x = scheduleSecretDeletion(project: '" + PROJECT + "', name: 'twice', recoveryWindowDays: 7,"
                        + " failOnError: false)\n"
                        + "echo \"RESULT ${x.kind} ${x.outcome}\"",
                Result.FAILURE);
        r.assertLogContains("RESULT PENDING_DELETION FAILURE", b);
        r.assertLogContains("already pending a scheduled deletion", b);
        assertEquals(PENDING, emu.secretState(PROJECT, "twice"));
        assertEquals(1, tasks("twice", "create"));
    }

    @Test
    void tagsTeardownDeletesOnlyTheTaggedSecrets() throws Exception {
        tagged("pr-42.db", "env", "pr-42");
        tagged("pr-42.api", "env", "pr-42");
        tagged("pr-43.db", "env", "pr-43");
        tagged("prod.db", "env", "prod");
        emu.createSecret(PROJECT, "untagged", "v");
        WorkflowRun b = runPipeline(
                r,
                "def rs = deleteSecretNow(project: '" + PROJECT + "', tags: [env: 'pr-42'])\n"
                        + "echo \"NAMES ${rs.collect { it.name }} ${rs.collect { it.kind }}\"",
                Result.SUCCESS);
        r.assertLogContains("2 secrets have the tags env=pr-42 (maximum 100).", b);
        r.assertLogContains("NAMES [pr-42.api, pr-42.db] [DELETED, DELETED]", b);
        assertEquals(List.of("pr-43.db", "prod.db", "untagged"), emu.secretNames(PROJECT));
        assertEquals(2, deleteRequests());

        b = runPipeline(
                r,
                "def rs = deleteSecretNow(project: '" + PROJECT + "', tags: [env: ['pr-43', 'prod']], dryRun: true)\n"
                        + "echo \"WOULD ${rs}\"",
                Result.SUCCESS);
        r.assertLogContains("WOULD [pr-43.db, prod.db]", b);
        assertEquals(2, deleteRequests());
    }

    @Test
    void tagsTeardownAboveMaxCountDeletesNothing() throws Exception {
        for (String name : List.of("e1", "e2", "e3")) {
            tagged(name, "env", "pr-9");
        }
        WorkflowRun b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', tags: [env: 'pr-9'], maxCount: 2", Result.FAILURE);
        r.assertLogContains("3 secrets have the tags env=pr-9, more than the maximum of 2: nothing was deleted", b);
        assertEquals(List.of("e1", "e2", "e3"), emu.secretNames(PROJECT));
        assertEquals(0, deleteRequests());
        assertNull(b.getAction(CsmsDeletionAction.class));
    }

    @Test
    void tagsCanScheduleTheirDeletion() throws Exception {
        tagged("pr-7.db", "env", "pr-7");
        tagged("pr-8.db", "env", "pr-8");
        runPipeline(
                r,
                "scheduleSecretDeletion project: '" + PROJECT + "', tags: ['env=pr-7'], recoveryWindowDays: 10",
                Result.SUCCESS);
        assertEquals(PENDING, emu.secretState(PROJECT, "pr-7.db"));
        assertEquals(ENABLED, emu.secretState(PROJECT, "pr-8.db"));
    }

    @Test
    void badTagsFailBeforeAnyRequest() throws Exception {
        WorkflowRun b = runPipeline(
                r,
                "deleteSecretNow project: '" + PROJECT + "', tags: 'env pr-42', credentialsId: 'nope'",
                Result.FAILURE);
        r.assertLogContains("give it as KEY=VALUE", b);
        r.assertLogNotContains("were not found", b);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', tags: [env: [a: 'b']]", Result.FAILURE);
        r.assertLogContains("the value of 'env' is invalid", b);
        b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', tags: [env: 'x'], prefix: 'pr-1-'", Result.FAILURE);
        r.assertLogContains("Give exactly one of name, names, prefix and tags.", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    void freestyleStepsScheduleWhenGivenAWindow() throws Exception {
        emu.createSecret(PROJECT, "fs-scheduled", "v");
        emu.createSecret(PROJECT, "fs-after", "v");
        FreeStyleProject p = r.createFreeStyleProject();
        SecretDeletion scheduled = CsmsTestSupport.deletion(PROJECT, "fs-scheduled");
        scheduled.setRecoveryWindowDays(14);
        p.getBuildersList().add(new DeleteSecretBuilder(scheduled));
        SecretDeletion after = CsmsTestSupport.deletion(PROJECT, "fs-after");
        after.setRecoveryWindowDays(7);
        p.getPublishersList().add(new DeleteSecretRecorder(after));
        FreeStyleBuild b = r.buildAndAssertSuccess(p);
        r.assertLogContains("in 14 days", b);
        r.assertLogContains("in 7 days", b);
        assertEquals(PENDING, emu.secretState(PROJECT, "fs-scheduled"));
        assertEquals(PENDING, emu.secretState(PROJECT, "fs-after"));
        assertEquals(0, deleteRequests());

        scheduled.setRecoveryWindowDays(5);
        p.getPublishersList().clear();
        b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("recoveryWindowDays: Recovery window 5 is invalid", b);
        assertEquals(2, emu.requestCount());
    }

    @Test
    void freestyleStepsWithoutAWindowDeleteImmediately() throws Exception {
        emu.createSecret(PROJECT, "fs-now", "v");
        FreeStyleProject p = r.createFreeStyleProject();
        p.getPublishersList().add(new DeleteSecretRecorder(CsmsTestSupport.deletion(PROJECT, "fs-now")));
        r.buildAndAssertSuccess(p);
        assertFalse(emu.hasSecret(PROJECT, "fs-now"));
        assertEquals(0, tasks("fs-now", "create"));
    }

    @Test
    void freestyleSymbolsInAPipelineHonourTheWindow() throws Exception {
        emu.createSecret(PROJECT, "sym-scheduled", "v");
        emu.createSecret(PROJECT, "sym-now", "v");
        WorkflowRun b = runPipeline(
                r,
                "deleteHuaweiCloudSecret project: '" + PROJECT + "', name: 'sym-scheduled', recoveryWindowDays: 7\n"
                        + "deleteHuaweiCloudSecretAfterBuild project: '" + PROJECT + "', name: 'sym-now'",
                Result.SUCCESS);
        r.assertLogNotContains("Unknown parameter", b);
        assertEquals(PENDING, emu.secretState(PROJECT, "sym-scheduled"));
        assertEquals(0, deletes(emu, "sym-scheduled"));
        assertFalse(emu.hasSecret(PROJECT, "sym-now"));
    }

    @Test
    void configRoundTrips() throws Exception {
        ScheduleSecretDeletionStep schedule = new ScheduleSecretDeletionStep(PROJECT);
        schedule.setTags("env=pr-42\nteam=a b");
        schedule.setRecoveryWindowDays(7);
        schedule.setMaxCount(20);
        schedule.setDryRun(true);
        schedule.setCredentialsId(TOKEN_ID);
        r.assertEqualDataBoundBeans(schedule, new StepConfigTester(r).configRoundTrip(schedule));

        RestoreSecretStep restore = new RestoreSecretStep(PROJECT);
        restore.setNames("a b");
        restore.setRegion("cn-north-4");
        restore.setCredentialsId(TOKEN_ID);
        restore.setFailOnError(false);
        r.assertEqualDataBoundBeans(restore, new StepConfigTester(r).configRoundTrip(restore));

        DeleteSecretNowStep byTags = new DeleteSecretNowStep(PROJECT);
        byTags.setTags("env=pr-42");
        r.assertEqualDataBoundBeans(byTags, new StepConfigTester(r).configRoundTrip(byTags));

        SecretDeletion step = CsmsTestSupport.deletion(PROJECT, "db");
        step.setRecoveryWindowDays(30);
        DeleteSecretBuilder builder = new DeleteSecretBuilder(step);
        SecretDeletion afterBuild = new SecretDeletion(PROJECT);
        afterBuild.setNames("a b");
        afterBuild.setRecoveryWindowDays(7);
        DeleteSecretRecorder recorder = new DeleteSecretRecorder(afterBuild);
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder);
        p.getPublishersList().add(recorder);
        p = r.configRoundtrip(p);
        r.assertEqualDataBoundBeans(builder, p.getBuildersList().get(DeleteSecretBuilder.class));
        r.assertEqualDataBoundBeans(recorder, p.getPublishersList().get(DeleteSecretRecorder.class));
    }

    @Test
    void snippetizerRoundTrips() throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        ScheduleSecretDeletionStep schedule = new ScheduleSecretDeletionStep(PROJECT);
        schedule.setName("app.db-password");
        schedule.setRecoveryWindowDays(7);
        st.assertRoundTrip(
                schedule,
                "scheduleSecretDeletion name: 'app.db-password', project: '" + PROJECT + "', recoveryWindowDays: 7");

        ScheduleSecretDeletionStep byTags = new ScheduleSecretDeletionStep(PROJECT);
        byTags.setTags("env=pr-42\nteam=a\nteam=b");
        st.assertRoundTrip(
                byTags, "scheduleSecretDeletion project: '" + PROJECT + "', tags: [env: 'pr-42', team: ['a', 'b']]");

        RestoreSecretStep restore = new RestoreSecretStep(PROJECT);
        restore.setNames("a b");
        restore.setCredentialsId(TOKEN_ID);
        st.assertRoundTrip(
                restore, "restoreSecret credentialsId: 'csms-token', names: ['a', 'b'], project: '" + PROJECT + "'");

        DeleteSecretNowStep deleteByTags = new DeleteSecretNowStep(PROJECT);
        deleteByTags.setTags("env=pr-42");
        deleteByTags.setMaxCount(5);
        st.assertRoundTrip(
                deleteByTags, "deleteSecretNow maxCount: 5, project: '" + PROJECT + "', tags: [env: 'pr-42']");
    }
}
