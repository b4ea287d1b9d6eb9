package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.runPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRow;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import io.jenkins.plugins.huaweicloud.csms.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * CSMS echoing the request's token back (in the error message and as the request id): neither the token nor any
 * 24-character piece of it reaches the build log, the build page, {@code build.xml} or the step's returned map.
 */
@WithJenkins
class TokenEchoTest {

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

    /** Every 24-character piece of the token found in the text (none expected). */
    private List<String> piecesOfTheTokenIn(String text) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 24 <= token.length(); i++) {
            if (text.contains(token.substring(i, i + 24))) {
                found.add(token.substring(i, i + 24));
            }
        }
        return found;
    }

    private void assertNoPieceOfTheToken(String where, String text) {
        assertEquals(List.of(), piecesOfTheTokenIn(text), where + ":\n" + text);
    }

    private void assertNothingLeaked(WorkflowRun b) throws Exception {
        assertNoPieceOfTheToken("build log", JenkinsRule.getLog(b));
        assertNoPieceOfTheToken(
                "build.xml", CsmsTestSupport.read(b.getRootDir().toPath().resolve("build.xml")));
        CsmsDeletionAction action = b.getAction(CsmsDeletionAction.class);
        assertNotNull(action);
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage page = wc.getPage(b, action.getUrlName());
            assertNoPieceOfTheToken("build page", page.getWebResponse().getContentAsString());
            assertTrue(page.asNormalizedText().contains("[redacted]"), page.asNormalizedText());
        }
    }

    @Test
    void anEchoedTokenIsRedactedInTheReturnedMapTheLogAndTheBuildPage() throws Exception {
        emu.createSecret(PROJECT, "echo-503", "v");
        emu.script("echo-503", Fault.status(503).echoToken(), Fault.status(503).echoToken());

        WorkflowRun b = runPipeline(
                r,
                "def r = deleteSecretNow(project: '" + PROJECT + "', name: 'echo-503')\n"
                        + "echo \"RETURNED ${r}\"\n"
                        + "echo \"MESSAGE=${r.errorMessage} REQUEST_ID=${r.requestId}\"\n",
                Result.UNSTABLE);

        r.assertLogContains("MESSAGE=HTTP 503 injected by emulator: [redacted] REQUEST_ID=null", b);
        r.assertLogContains("RETURNED [name:echo-503", b);
        DeletionRow row = b.getAction(CsmsDeletionAction.class).getRows().get(0);
        assertEquals("HTTP 503 injected by emulator: [redacted]", row.getErrorMessage());
        assertNull(row.getRequestId());
        assertEquals(2, CsmsTestSupport.deletes(emu, "echo-503"));
        assertNothingLeaked(b);
    }

    @Test
    void todaysLeakAFailedDeletionWhoseMessageEchoesTheTokenIsRedacted() throws Exception {
        emu.createSecret(PROJECT, "echo-400", "v");
        emu.script(
                "echo-400",
                Fault.status(400)
                        .errorCode("CSMS.0002")
                        .message("Invalid X-Auth-Token")
                        .echoToken());

        WorkflowRun b =
                runPipeline(r, "deleteSecretNow(project: '" + PROJECT + "', name: 'echo-400')\n", Result.FAILURE);

        r.assertLogContains("CSMS.0002 \"Invalid X-Auth-Token: [redacted]\"", b);
        assertEquals(
                "Invalid X-Auth-Token: [redacted]",
                b.getAction(CsmsDeletionAction.class).getRows().get(0).getErrorMessage());
        assertNothingLeaked(b);
    }
}
