package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Shared fixtures: one emulated CSMS + IAM, credentials in the system store, and the global configuration. */
final class CsmsTestSupport {

    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String DOMAIN = "test-account";
    static final String USER = "ci-user";
    static final String PASSWORD = "Pw-0123456789-not-a-real-secret";
    static final String TOKEN_ID = "csms-token";
    static final String USER_ID = "csms-user";

    private CsmsTestSupport() {}

    /** An emulator on a free loopback port with one IAM user allowed on {@link #PROJECT}. */
    static CsmsEmulator startEmulator() {
        return CsmsEmulator.builder()
                .port(0)
                .user(DOMAIN, USER, PASSWORD, PROJECT)
                .start();
    }

    /** Stores a Secret text credential holding a valid emulator token; returns the token. */
    static String addTokenCredentials(CsmsEmulator emu) throws IOException {
        String token = emu.issueToken(PROJECT);
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, TOKEN_ID, "CSMS token", Secret.fromString(token)));
        SystemCredentialsProvider.getInstance().save();
        return token;
    }

    /** Stores a Username with password credential for the emulator's IAM user. */
    static void addUserCredentials() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, USER_ID, "IAM user", USER, PASSWORD));
        SystemCredentialsProvider.getInstance().save();
    }

    /** Points the global configuration at the emulator, with the token credentials as default and 2 attempts. */
    static void configure(CsmsEmulator emu) {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        global.setEndpoint(emu.url());
        global.setIamEndpoint(emu.url());
        global.setIamDomain(DOMAIN);
        global.setCredentialsId(TOKEN_ID);
        global.setAttempts(2);
        global.setCallTimeout(10);
    }

    /**
     * The fields of a freestyle build step or post-build action ({@code new DeleteSecretBuilder(deletion)}, {@code new
     * DeleteSecretRecorder(deletion)}) that delete one secret; the other fields are set on the result.
     */
    static SecretDeletion deletion(String project, String name) {
        SecretDeletion deletion = new SecretDeletion(project);
        deletion.setName(name);
        return deletion;
    }

    /** A Pipeline job; {@code CpsFlowDefinition}'s constructor declares {@code Descriptor.FormException}. */
    static WorkflowJob pipeline(JenkinsRule r, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    static WorkflowRun runPipeline(JenkinsRule r, String script, Result expected) throws Exception {
        return r.buildAndAssertStatus(expected, pipeline(r, script));
    }

    /** The DELETE requests the emulator received for one secret of {@link #PROJECT}. */
    static int deletes(CsmsEmulator emu, String name) {
        return emu.requestCount("DELETE", "/v1/" + PROJECT + "/secrets/" + name);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
