package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.deletes;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.runPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRow;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import io.jenkins.plugins.huaweicloud.csms.emulator.RecordedRequest;
import java.util.List;
import java.util.logging.Level;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DeleteSecretNowStepTest {

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

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

    private static String step(String name, String extra) {
        return "def r = deleteSecretNow(project: '" + PROJECT + "', name: '" + name + "'" + extra + ")\n"
                + "echo \"RESULT outcome=${r.outcome} status=${r.status} attempts=${r.attempts}"
                + " code=${r.errorCode} kind=${r.kind}\"\n";
    }

    @Test
    void deletesSecretAndReturnsMap() throws Exception {
        emu.createSecret(PROJECT, "db-password", "s3cr3t");
        WorkflowRun b = runPipeline(r, step("db-password", ""), Result.SUCCESS);
        r.assertLogContains("RESULT outcome=SUCCESS status=200 attempts=1", b);
        r.assertLogContains("SUCCESS db-password", b);
        r.assertLogContains("host 127.0.0.1", b);
        assertFalse(emu.hasSecret(PROJECT, "db-password"));
        assertEquals(1, deletes(emu, "db-password"));

        CsmsDeletionAction action = b.getAction(CsmsDeletionAction.class);
        assertNotNull(action);
        assertEquals(1, action.getRows().size());
        assertEquals("db-password", action.getRows().get(0).getName());
        assertEquals("SUCCESS", action.getRows().get(0).getOutcome());
        assertEquals(200, action.getRows().get(0).getStatus());
        assertEquals("1 deleted or already handled, 0 unstable, 0 failed", action.getSummary());
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            String page = wc.getPage(b, action.getUrlName()).asNormalizedText();
            assertTrue(page.contains("db-password"), page);
            assertTrue(page.contains(action.getSummary()), page);
            assertTrue(wc.getPage(b).asNormalizedText().contains("Huawei Cloud CSMS deletions"));
        }

        // build.xml holds the engine's rows, and Jenkins' XStream (with its class filter) reads them back.
        String saved = CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml"));
        assertTrue(saved.contains("<" + DeletionRow.class.getName()), saved);
        CsmsDeletionAction copy = (CsmsDeletionAction) Run.XSTREAM2.fromXML(Run.XSTREAM2.toXML(action));
        DeletionRow row = copy.getRows().get(0);
        assertEquals("db-password", row.getName());
        assertEquals("DELETED", row.getKind());
        assertEquals(200, row.getStatus());
        assertEquals(action.getRows().get(0).getTime(), row.getTime());
    }

    /** One row of the status table: what CSMS answers, and what the step must make of it. */
    private record Row(
            String name,
            String extra,
            boolean exists,
            List<Fault> faults,
            Result result,
            String logged,
            int requests) {}

    @Test
    void statusTable() throws Exception {
        List<Row> rows = List.of(
                new Row("absent-404", "", false, List.of(), Result.UNSTABLE, "RESULT outcome=UNSTABLE status=404", 1),
                new Row(
                        "absent-0106",
                        "",
                        true,
                        List.of(Fault.status(400).errorCode("CSMS.0106")),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=400",
                        1),
                new Row(
                        "absent-0005",
                        "",
                        true,
                        List.of(Fault.status(400).errorCode("CSMS.0005")),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=400",
                        1),
                new Row(
                        "absent-ok",
                        ", ifMissing: 'SUCCESS'",
                        false,
                        List.of(),
                        Result.SUCCESS,
                        "RESULT outcome=SUCCESS status=404",
                        1),
                new Row("absent-fail", ", ifMissing: 'FAILURE'", false, List.of(), Result.FAILURE, "HTTP 404", 1),
                new Row(
                        "rejected",
                        "",
                        true,
                        List.of(Fault.status(400).errorCode("CSMS.0002")),
                        Result.FAILURE,
                        "HTTP 400 CSMS.0002",
                        1),
                new Row("forbidden", "", true, List.of(Fault.status(403)), Result.FAILURE, "HTTP 403", 1),
                new Row("unauthorized", "", true, List.of(Fault.status(401)), Result.FAILURE, "HTTP 401", 1),
                new Row(
                        "throttled",
                        "",
                        true,
                        List.of(
                                Fault.status(429).retryAfter(0),
                                Fault.status(429).retryAfter(0)),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=429 attempts=2",
                        2),
                new Row(
                        "error-500",
                        "",
                        true,
                        List.of(Fault.status(500), Fault.status(500)),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=500 attempts=2",
                        2),
                new Row(
                        "error-502",
                        "",
                        true,
                        List.of(Fault.status(502), Fault.status(502)),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=502 attempts=2",
                        2),
                new Row(
                        "error-503",
                        "",
                        true,
                        List.of(Fault.status(503), Fault.status(503)),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=503 attempts=2",
                        2),
                new Row(
                        "error-504",
                        "",
                        true,
                        List.of(Fault.status(504), Fault.status(504)),
                        Result.UNSTABLE,
                        "RESULT outcome=UNSTABLE status=504 attempts=2",
                        2),
                new Row(
                        "retry-ok",
                        "",
                        true,
                        List.of(Fault.status(503)),
                        Result.SUCCESS,
                        "RESULT outcome=SUCCESS status=200 attempts=2",
                        2),
                new Row(
                        "reset-then-absent",
                        "",
                        true,
                        List.of(Fault.applyThenDrop()),
                        Result.SUCCESS,
                        "RESULT outcome=SUCCESS status=404 attempts=2",
                        2),
                new Row("dropped", "", true, List.of(Fault.drop(), Fault.drop()), Result.UNSTABLE, "attempts=2", 2),
                new Row("redirected", "", true, List.of(Fault.status(302)), Result.FAILURE, "HTTP 302", 1),
                new Row("bad-attempts", ", attempts: 11", true, List.of(), Result.FAILURE, "Attempts 11", 0));
        for (Row row : rows) {
            if (row.exists()) {
                emu.createSecret(PROJECT, row.name(), "value");
            }
            if (!row.faults().isEmpty()) {
                emu.script(row.name(), row.faults().toArray(new Fault[0]));
            }
            WorkflowRun b = runPipeline(r, step(row.name(), row.extra()), row.result());
            r.assertLogContains(row.logged(), b);
            r.assertLogNotContains(token, b);
            assertEquals(row.requests(), deletes(emu, row.name()), row.name());
            if (row.result() == Result.UNSTABLE) {
                assertTrue(hasWarning(b), row.name() + ": the step node is marked UNSTABLE");
            }
        }
    }

    private static boolean hasWarning(WorkflowRun b) throws Exception {
        for (FlowNode node : new DepthFirstScanner().allNodes(b.getExecution())) {
            WarningAction warning = node.getPersistentAction(WarningAction.class);
            if (warning != null && warning.getResult() == Result.UNSTABLE) {
                return true;
            }
        }
        return false;
    }

    @Test
    void invalidInputFailsBeforeAnyRequest() throws Exception {
        WorkflowRun b = runPipeline(r, step("a/b", ""), Result.FAILURE);
        r.assertLogContains("Secret name 'a/b' is invalid", b);
        b = runPipeline(r, "deleteSecretNow project: 'not-a-project', name: 'x'", Result.FAILURE);
        r.assertLogContains("Project id 'not-a-project' is invalid", b);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "'", Result.FAILURE);
        r.assertLogContains("Secret name is missing", b);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', name: 'x', names: 'y'", Result.FAILURE);
        r.assertLogContains("Give exactly one of name, names, prefix and tags.", b);
        b = runPipeline(r, "deleteSecretNow name: 'x'", Result.FAILURE);
        r.assertLogContains("Project id is missing", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    void severalNamesReturnOneResultEach() throws Exception {
        emu.createSecret(PROJECT, "pr-1-db", "a");
        emu.createSecret(PROJECT, "pr-1-cache", "b");
        WorkflowRun b = runPipeline(
                r,
                "def rs = deleteSecretNow(project: '" + PROJECT + "', names: 'pr-1-db pr-1-cache, pr-1-gone')\n"
                        + "echo \"COUNT ${rs.size()}\"\n"
                        + "for (def x : rs) { echo \"ITEM ${x.name} ${x.outcome} ${x.status}\" }",
                Result.UNSTABLE);
        r.assertLogContains("COUNT 3", b);
        r.assertLogContains("ITEM pr-1-db SUCCESS 200", b);
        r.assertLogContains("ITEM pr-1-cache SUCCESS 200", b);
        r.assertLogContains("ITEM pr-1-gone UNSTABLE 404", b);
        assertTrue(emu.secretNames(PROJECT).isEmpty());
        assertEquals(3, b.getAction(CsmsDeletionAction.class).getRows().size());
    }

    @Test
    void aListOfNamesIsTakenAsWellAsAText() throws Exception {
        emu.createSecret(PROJECT, "pr-2-db", "a");
        emu.createSecret(PROJECT, "pr-2-cache", "b");
        WorkflowRun b = runPipeline(
                r,
                "def n = 2\n"
                        + "def rs = deleteSecretNow(project: '" + PROJECT
                        + "', names: [\"pr-${n}-db\", 'pr-2-cache'])\n"
                        + "echo \"NAMES ${rs.collect { it.name }}\"",
                Result.SUCCESS);
        r.assertLogContains("NAMES [pr-2-db, pr-2-cache]", b);
        assertTrue(emu.secretNames(PROJECT).isEmpty());
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', names: [a: 'b']", Result.FAILURE);
        r.assertLogContains("names is invalid: give a list such as", b);
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

    @Test
    void prefixDeletesOnlyMatchingSecrets() throws Exception {
        for (String name : List.of("pr-42-db", "pr-42-cache", "pr-42-queue", "pr-420-db", "pr-43-db", "x-pr-42-db")) {
            emu.createSecret(PROJECT, name, "v");
        }
        WorkflowRun b = runPipeline(
                r,
                "def rs = deleteSecretNow(project: '" + PROJECT + "', prefix: 'pr-42-')\n"
                        + "echo \"COUNT ${rs.size()}\"\n"
                        + "for (def x : rs) { echo \"ITEM ${x.name} ${x.outcome} ${x.status}\" }",
                Result.SUCCESS);
        r.assertLogContains("3 secrets start with 'pr-42-' (maximum 100).", b);
        r.assertLogContains("COUNT 3", b);
        r.assertLogContains("ITEM pr-42-cache SUCCESS 200", b);
        r.assertLogContains("ITEM pr-42-db SUCCESS 200", b);
        r.assertLogContains("ITEM pr-42-queue SUCCESS 200", b);
        r.assertLogContains("SUCCESS pr-42-db: ", b);
        r.assertLogNotContains(token, b);
        assertEquals(List.of("pr-420-db", "pr-43-db", "x-pr-42-db"), emu.secretNames(PROJECT));
        assertEquals(3, deleteRequests());
        assertEquals(1, deletes(emu, "pr-42-db"));
        assertEquals(0, deletes(emu, "pr-420-db"));
        assertEquals(3, b.getAction(CsmsDeletionAction.class).getRows().size());
    }

    @Test
    void prefixOverTheLimitDeletesNothing() throws Exception {
        for (String name : List.of("pr-9-a", "pr-9-b", "pr-9-c", "keep")) {
            emu.createSecret(PROJECT, name, "v");
        }
        WorkflowRun b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', prefix: 'pr-9-', maxCount: 2", Result.FAILURE);
        r.assertLogContains("3 secrets start with 'pr-9-', more than the maximum of 2: nothing was deleted", b);
        assertEquals(List.of("keep", "pr-9-a", "pr-9-b", "pr-9-c"), emu.secretNames(PROJECT));
        assertEquals(0, deleteRequests());
        assertNull(b.getAction(CsmsDeletionAction.class));
    }

    @Test
    void prefixDryRunDeletesNothingAndReturnsTheNames() throws Exception {
        for (String name : List.of("pr-7-b", "pr-7-a", "pr-8-a")) {
            emu.createSecret(PROJECT, name, "v");
        }
        WorkflowRun b = runPipeline(
                r,
                "def rs = deleteSecretNow(project: '" + PROJECT + "', prefix: 'pr-7-', dryRun: true)\n"
                        + "echo \"COUNT ${rs.size()}\"\n"
                        + "for (def n : rs) { echo \"NAME ${n}\" }",
                Result.SUCCESS);
        r.assertLogContains("dry run: would delete pr-7-a", b);
        r.assertLogContains("dry run: would delete pr-7-b", b);
        r.assertLogContains("dry run: 2 secrets would be deleted; nothing was sent.", b);
        r.assertLogContains("COUNT 2", b);
        r.assertLogContains("NAME pr-7-a", b);
        r.assertLogContains("NAME pr-7-b", b);
        r.assertLogNotContains("NAME pr-8-a", b);
        assertEquals(List.of("pr-7-a", "pr-7-b", "pr-8-a"), emu.secretNames(PROJECT));
        assertEquals(0, deleteRequests());
        assertNull(b.getAction(CsmsDeletionAction.class));
    }

    @Test
    void prefixWithoutMatchesSucceedsWithAnEmptyList() throws Exception {
        emu.createSecret(PROJECT, "keep", "v");
        WorkflowRun b = runPipeline(
                r,
                "def rs = deleteSecretNow(project: '" + PROJECT + "', prefix: 'pr-0-')\n"
                        + "echo \"COUNT ${rs.size()}\"",
                Result.SUCCESS);
        r.assertLogContains("0 secrets start with 'pr-0-'", b);
        r.assertLogContains("COUNT 0", b);
        assertEquals(0, deleteRequests());
    }

    @Test
    void prefixArgumentsAreCheckedBeforeAnyRequest() throws Exception {
        // A bad prefix is reported before the (unknown) credentials are even looked up.
        WorkflowRun b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', prefix: 'pr', credentialsId: 'nope'", Result.FAILURE);
        r.assertLogContains("Prefix 'pr' is invalid: it must be at least 3 characters", b);
        r.assertLogNotContains("were not found", b);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', prefix: 'pr/42'", Result.FAILURE);
        r.assertLogContains("is invalid", b);
        b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', name: 'pr-1-db', prefix: 'pr-1-'", Result.FAILURE);
        r.assertLogContains("Give exactly one of name, names, prefix and tags.", b);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', names: 'a', prefix: 'pr-1-'", Result.FAILURE);
        r.assertLogContains("Give exactly one of name, names, prefix and tags.", b);
        b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', prefix: 'pr-1-', maxCount: 10001", Result.FAILURE);
        r.assertLogContains("maxCount 10001 is invalid: it must be from 1 to 10000", b);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', prefix: 'pr-1-', maxCount: -1", Result.FAILURE);
        r.assertLogContains("maxCount -1 is invalid", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    void prefixListingFailureFailsTheStep() throws Exception {
        emu.createSecret(PROJECT, "pr-5-db", "v");
        emu.revokeTokens();
        WorkflowRun b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', prefix: 'pr-5-'", Result.FAILURE);
        r.assertLogContains("listing secrets at 127.0.0.1", b);
        r.assertLogContains("Nothing was deleted.", b);
        r.assertLogContains("HTTP 401", b);
        r.assertLogNotContains(token, b);
        assertTrue(emu.hasSecret(PROJECT, "pr-5-db"));
        assertEquals(0, deleteRequests());
    }

    @Test
    void teardownInPostAlways() throws Exception {
        emu.createSecret(PROJECT, "pr-2-db", "a");
        WorkflowRun b = runPipeline(
                r,
                "try {\n"
                        + "  error 'build broke'\n"
                        + "} finally {\n"
                        + "  deleteSecretNow project: '" + PROJECT + "', name: 'pr-2-db'\n"
                        + "}",
                Result.FAILURE);
        r.assertLogContains("SUCCESS pr-2-db", b);
        assertFalse(emu.hasSecret(PROJECT, "pr-2-db"));
    }

    @Test
    void tokenNeverStored() throws Exception {
        emu.createSecret(PROJECT, "db", "a");
        try (LogRecorder logs = new LogRecorder()
                .record("io.jenkins.plugins.huaweicloud", Level.ALL)
                .record("okhttp3", Level.ALL)
                .capture(10_000)) {
            WorkflowJob p = CsmsTestSupport.pipeline(
                    r, "deleteSecretNow project: '" + PROJECT + "', name: 'db', credentialsId: '" + TOKEN_ID + "'");
            p = r.configRoundtrip(p);
            WorkflowRun b = r.buildAndAssertSuccess(p);
            r.assertLogNotContains(token, b);
            assertFalse(CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml"))
                    .contains(token));
            assertTrue(CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml"))
                    .contains("db"));
            assertFalse(p.getConfigFile().asString().contains(token));
            assertFalse(CsmsTestSupport.read(
                            r.jenkins.getRootDir().toPath().resolve(CsmsGlobalConfiguration.class.getName() + ".xml"))
                    .contains(token));
            for (String message : logs.getMessages()) {
                assertFalse(message.contains(token), message);
            }
        }
    }

    @Test
    void jobChosenEndpointNeedsItsOwnCredentials() throws Exception {
        try (CsmsEmulator other = CsmsEmulator.builder().port(0).start()) {
            WorkflowRun b = runPipeline(
                    r,
                    "deleteSecretNow project: '" + PROJECT + "', name: 'db', endpoint: '" + other.url() + "'",
                    Result.FAILURE);
            r.assertLogContains("must name its own credentialsId", b);
            b = runPipeline(
                    r, "deleteSecretNow project: '" + PROJECT + "', name: 'db', region: 'cn-north-4'", Result.FAILURE);
            r.assertLogContains("must name its own credentialsId", b);
            assertEquals(0, other.requestCount());
            assertEquals(0, emu.requestCount());
        }
    }

    @Test
    void credentialsErrorsAreDistinct() throws Exception {
        WorkflowRun b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', name: 'db', credentialsId: 'nope'", Result.FAILURE);
        r.assertLogContains("Credentials \"nope\" were not found", b);

        CsmsTestSupport.addUserCredentials();
        CsmsGlobalConfiguration.get().setIamDomain(null);
        b = runPipeline(
                r,
                "deleteSecretNow project: '" + PROJECT + "', name: 'db', credentialsId: '" + CsmsTestSupport.USER_ID
                        + "'",
                Result.FAILURE);
        r.assertLogContains("Account (domain) name is missing", b);
        r.assertLogNotContains(CsmsTestSupport.PASSWORD, b);

        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new FileCredentialsImpl(
                        CredentialsScope.GLOBAL, "a-file", "file", "f.txt", SecretBytes.fromString("data")));
        b = runPipeline(
                r, "deleteSecretNow project: '" + PROJECT + "', name: 'db', credentialsId: 'a-file'", Result.FAILURE);
        r.assertLogContains("Credentials \"a-file\" are of an unsupported type", b);

        CsmsGlobalConfiguration.get().setCredentialsId(null);
        b = runPipeline(r, "deleteSecretNow project: '" + PROJECT + "', name: 'db'", Result.FAILURE);
        r.assertLogContains("No credentials", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    void folderCredentialsOnlyInsideTheirFolder() throws Exception {
        Folder folder = r.jenkins.createProject(Folder.class, "team");
        CredentialsStore store = null;
        for (CredentialsStore s : CredentialsProvider.lookupStores(folder)) {
            if (s.getContext() == folder) {
                store = s;
                break;
            }
        }
        assertNotNull(store);
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "team-token", "team", Secret.fromString(emu.issueToken(PROJECT))));
        emu.createSecret(PROJECT, "team-db", "a");
        String script = "deleteSecretNow project: '" + PROJECT + "', name: 'team-db', credentialsId: 'team-token'";

        WorkflowJob outside = r.createProject(WorkflowJob.class, "outside");
        outside.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, outside);
        r.assertLogContains("Credentials \"team-token\" were not found", b);
        assertEquals(0, emu.requestCount());

        WorkflowJob inside = folder.createProject(WorkflowJob.class, "inside");
        inside.setDefinition(new CpsFlowDefinition(script, true));
        r.buildAndAssertSuccess(inside);
        assertFalse(emu.hasSecret(PROJECT, "team-db"));
    }

    @Test
    void usernamePasswordIsExchangedOnceAndCached() throws Exception {
        CredentialResolver.SOURCES.clear();
        CsmsTestSupport.addUserCredentials();
        CsmsGlobalConfiguration.get().setCredentialsId(CsmsTestSupport.USER_ID);
        emu.createSecret(PROJECT, "u-1", "a");
        emu.createSecret(PROJECT, "u-2", "b");
        WorkflowRun b = runPipeline(
                r,
                "deleteSecretNow project: '" + PROJECT + "', name: 'u-1'\n" + "deleteSecretNow project: '" + PROJECT
                        + "', name: 'u-2'",
                Result.SUCCESS);
        r.assertLogNotContains(CsmsTestSupport.PASSWORD, b);
        assertEquals(1, emu.requestCount("POST", "/v3/auth/tokens"));
        assertTrue(emu.secretNames(PROJECT).isEmpty());
    }

    @Test
    void configRoundTrip() throws Exception {
        DeleteSecretNowStep step = new DeleteSecretNowStep(PROJECT);
        step.setName("db-password");
        step.setCredentialsId(TOKEN_ID);
        step.setRegion("cn-north-4");
        step.setIamDomain("my-account");
        step.setAgencyName("csms-teardown");
        step.setAgencyDomain("target-account");
        step.setIfMissing("SUCCESS");
        step.setAttempts(5);
        step.setTimeout(30);
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));

        DeleteSecretNowStep byPrefix = new DeleteSecretNowStep(PROJECT);
        byPrefix.setPrefix("pr-42-");
        byPrefix.setMaxCount(20);
        byPrefix.setDryRun(true);
        byPrefix.setFailOnError(false);
        r.assertEqualDataBoundBeans(byPrefix, new StepConfigTester(r).configRoundTrip(byPrefix));
        DeleteSecretNowStep several = new DeleteSecretNowStep(PROJECT);
        several.setNames("pr-1-db pr-1-cache");
        r.assertEqualDataBoundBeans(several, new StepConfigTester(r).configRoundTrip(several));
    }

    @Test
    void snippetizerRoundTrip() throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        DeleteSecretNowStep step = new DeleteSecretNowStep(PROJECT);
        step.setName("db-password");
        step.setCredentialsId(TOKEN_ID);
        st.assertRoundTrip(
                step, "deleteSecretNow credentialsId: 'csms-token', name: 'db-password', project: '" + PROJECT + "'");
        DeleteSecretNowStep several = new DeleteSecretNowStep(PROJECT);
        several.setNames("a b");
        several.setAttempts(4);
        several.setFailOnError(false);
        st.assertRoundTrip(
                several,
                "deleteSecretNow attempts: 4, failOnError: false, names: ['a', 'b'], project: '" + PROJECT + "'");
        DeleteSecretNowStep viaAgency = new DeleteSecretNowStep(PROJECT);
        viaAgency.setName("db-password");
        viaAgency.setCredentialsId("csms-access-key");
        viaAgency.setAgencyName("csms-teardown");
        viaAgency.setAgencyDomain("target-account");
        st.assertRoundTrip(
                viaAgency,
                "deleteSecretNow agencyDomain: 'target-account', agencyName: 'csms-teardown', credentialsId:"
                        + " 'csms-access-key', name: 'db-password', project: '" + PROJECT + "'");
        DeleteSecretNowStep byPrefix = new DeleteSecretNowStep(PROJECT);
        byPrefix.setPrefix("pr-42-");
        byPrefix.setMaxCount(20);
        byPrefix.setDryRun(true);
        st.assertRoundTrip(
                byPrefix, "deleteSecretNow dryRun: true, maxCount: 20, prefix: 'pr-42-', project: '" + PROJECT + "'");
    }
}
