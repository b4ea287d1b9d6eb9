package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.deletion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.tasks.Builder;
import hudson.tasks.Publisher;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.net.URL;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step and post-build action (one {@link SecretDeletion} each), and their Pipeline symbols. */
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

    /** Every one of the 13 fields set to a value other than its default, so that a field the form drops shows. */
    private static SecretDeletion everyField(String name, int recoveryWindowDays) {
        SecretDeletion d = deletion(PROJECT, name);
        d.setNames("pr-1-db, pr-1-cache");
        d.setCredentialsId(TOKEN_ID);
        d.setEndpoint("https://kms.example.internal");
        d.setRegion("cn-north-4");
        d.setIamDomain("my-account");
        d.setAgencyName("csms-teardown");
        d.setAgencyDomain("target-account");
        d.setIfMissing("FAILURE");
        d.setAttempts(4);
        d.setTimeout(20);
        d.setRecoveryWindowDays(recoveryWindowDays);
        return d;
    }

    private static void assertEveryField(SecretDeletion d, String name, int recoveryWindowDays) {
        assertEquals(PROJECT, d.getProject());
        assertEquals(name, d.getName());
        assertEquals("pr-1-db\npr-1-cache", d.getNames());
        assertEquals(TOKEN_ID, d.getCredentialsId());
        assertEquals("https://kms.example.internal", d.getEndpoint());
        assertEquals("cn-north-4", d.getRegion());
        assertEquals("my-account", d.getIamDomain());
        assertEquals("csms-teardown", d.getAgencyName());
        assertEquals("target-account", d.getAgencyDomain());
        assertEquals("FAILURE", d.getIfMissing());
        assertEquals(4, d.getAttempts());
        assertEquals(20, d.getTimeout());
        assertEquals(recoveryWindowDays, d.getRecoveryWindowDays());
    }

    @Test
    void configRoundtripOfTheBuildStepKeepsEveryField() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        DeleteSecretBuilder before = new DeleteSecretBuilder(everyField("db-password", 14));
        p.getBuildersList().add(before);

        p = r.configRoundtrip(p);

        DeleteSecretBuilder after = p.getBuildersList().get(DeleteSecretBuilder.class);
        assertNotSame(before, after);
        assertEveryField(after.getDeletion(), "db-password", 14);
        r.assertEqualDataBoundBeans(before, after);
        assertFalse(p.getConfigFile().asString().contains(token));
    }

    @Test
    void configRoundtripOfThePostBuildActionKeepsEveryField() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        DeleteSecretRecorder before = new DeleteSecretRecorder(everyField("cache-password", 7));
        p.getPublishersList().add(before);

        p = r.configRoundtrip(p);

        DeleteSecretRecorder after = p.getPublishersList().get(DeleteSecretRecorder.class);
        assertNotSame(before, after);
        assertEveryField(after.getDeletion(), "cache-password", 7);
        r.assertEqualDataBoundBeans(before, after);
        assertFalse(p.getConfigFile().asString().contains(token));
    }

    @Test
    void configRoundtripOfBlankFieldsKeepsThemBlank() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new DeleteSecretBuilder(deletion(PROJECT, "db")));
        p.getPublishersList().add(new DeleteSecretRecorder(new SecretDeletion(PROJECT)));

        p = r.configRoundtrip(p);

        SecretDeletion step = p.getBuildersList().get(DeleteSecretBuilder.class).getDeletion();
        assertEquals("db", step.getName());
        assertNull(step.getNames());
        assertNull(step.getCredentialsId());
        assertNull(step.getIfMissing());
        assertEquals(0, step.getRecoveryWindowDays());
        SecretDeletion after =
                p.getPublishersList().get(DeleteSecretRecorder.class).getDeletion();
        assertEquals(PROJECT, after.getProject());
        assertNull(after.getName());
        assertEquals(0, after.getAttempts());
    }

    @Test
    void theSymbolsNameTheBuildStepAndThePostBuildAction() {
        assertInstanceOf(
                DeleteSecretBuilder.DescriptorImpl.class,
                SymbolLookup.get().findDescriptor(Builder.class, "deleteHuaweiCloudSecret"));
        assertInstanceOf(
                DeleteSecretRecorder.DescriptorImpl.class,
                SymbolLookup.get().findDescriptor(Publisher.class, "deleteHuaweiCloudSecretAfterBuild"));
    }

    @Test
    void theFieldsAreOneNestedObjectForStructs() {
        DeleteSecretRecorder recorder = DescribableModel.of(DeleteSecretRecorder.class)
                .instantiate(Map.of("deletion", Map.of("project", PROJECT, "names", "a b", "recoveryWindowDays", 7)));
        assertEquals(PROJECT, recorder.getDeletion().getProject());
        assertEquals("a\nb", recorder.getDeletion().getNames());
        assertEquals(7, recorder.getDeletion().getRecoveryWindowDays());
        assertNull(new DeleteSecretBuilder(null).getDeletion().getProject());
    }

    /**
     * The form's checks are the nested object's descriptor's, under the job's URL: @AncestorInPath finds the job, so
     * a user who may configure it (not an administrator) gets the check and a user who may only read it does not.
     */
    @Test
    void theNestedFormsChecksAnswerForTheJobTheyAreCalledUnder() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("fs-form");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("configurer", "reader")
                .grant(Item.READ, Item.CONFIGURE)
                .onItems(p)
                .to("configurer")
                .grant(Item.READ)
                .onItems(p)
                .to("reader"));
        String check = p.getUrl() + "descriptorByName/" + SecretDeletion.class.getName() + "/checkProject?value=";

        assertTrue(postAs("configurer", check).contains("Required: the 32-character project id"));
        assertFalse(postAs("reader", check).contains("Required"));
        assertEquals(0, emu.requestCount());
    }

    private String postAs(String user, String relative) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().login(user)) {
            WebRequest request = new WebRequest(new URL(r.getURL(), relative), HttpMethod.POST);
            wc.addCrumb(request);
            return wc.getPage(request).getWebResponse().getContentAsString();
        }
    }

    @Test
    void buildStepDeletesAndMarksUnstableWhenAbsent() throws Exception {
        emu.createSecret(PROJECT, "fs-db", "a");
        FreeStyleProject p = r.createFreeStyleProject();
        SecretDeletion d = new SecretDeletion(PROJECT);
        d.setNames("fs-db, fs-gone");
        p.getBuildersList().add(new DeleteSecretBuilder(d));
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
        p.getBuildersList().add(new DeleteSecretBuilder(deletion(PROJECT, "fs-denied")));
        FreeStyleBuild b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("HTTP 403", b);
        assertTrue(emu.hasSecret(PROJECT, "fs-denied"));
    }

    @Test
    void aBuildStepWithoutItsFieldsFailsNamingTheProject() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new DeleteSecretBuilder(null));
        FreeStyleBuild b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("Project id is missing", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    void postBuildActionRunsAfterAFailedBuild() throws Exception {
        emu.createSecret(PROJECT, "fs-teardown", "a");
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new FailureBuilder());
        p.getPublishersList().add(new DeleteSecretRecorder(deletion(PROJECT, "fs-teardown")));
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
