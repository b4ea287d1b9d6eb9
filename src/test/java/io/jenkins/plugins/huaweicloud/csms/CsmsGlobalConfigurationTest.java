package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.DOMAIN;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.TOKEN_ID;
import static io.jenkins.plugins.huaweicloud.csms.CsmsTestSupport.USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.huaweicloud.csms.client.FormField;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.emulator.CsmsEmulator;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class CsmsGlobalConfigurationTest {

    private static final String DESCRIPTOR = "descriptorByName/" + CsmsGlobalConfiguration.class.getName() + "/";

    private JenkinsRule r;
    private CsmsEmulator emu;
    private String token;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        emu = CsmsTestSupport.startEmulator();
        token = CsmsTestSupport.addTokenCredentials(emu);
        CsmsTestSupport.addUserCredentials();
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    @AfterEach
    void tearDown() {
        emu.close();
    }

    @Test
    void defaults() {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        assertEquals("UNSTABLE", global.getIfMissing());
        assertEquals(3, global.getAttempts());
        assertEquals(10, global.getConnectTimeout());
        assertEquals(30, global.getReadTimeout());
        assertEquals(60, global.getCallTimeout());
    }

    @Test
    void formRoundTripAndStorage() throws Exception {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        global.setRegion("cn-north-4");
        global.setIamDomain(DOMAIN);
        global.setCredentialsId(TOKEN_ID);
        global.setIfMissing("SUCCESS");
        global.setAttempts(5);
        global.setConnectTimeout(7);
        global.setReadTimeout(20);
        global.setCallTimeout(45);
        try (JenkinsRule.WebClient wc = r.createWebClient().login("admin")) {
            r.submit(wc.goTo("configure").getFormByName("config"));
        }
        global = CsmsGlobalConfiguration.get();
        assertEquals("cn-north-4", global.getRegion());
        assertEquals(DOMAIN, global.getIamDomain());
        assertEquals(TOKEN_ID, global.getCredentialsId());
        assertEquals("SUCCESS", global.getIfMissing());
        assertEquals(5, global.getAttempts());
        assertEquals(7, global.getConnectTimeout());
        assertEquals(20, global.getReadTimeout());
        assertEquals(45, global.getCallTimeout());
        String stored = CsmsTestSupport.read(
                r.jenkins.getRootDir().toPath().resolve(CsmsGlobalConfiguration.class.getName() + ".xml"));
        assertTrue(stored.contains(TOKEN_ID));
        assertFalse(stored.contains(token));
        assertFalse(stored.contains(CsmsTestSupport.PASSWORD));
    }

    private String testConnectionUrl(String credentialsId, boolean withCsms) {
        String url = DESCRIPTOR + "testConnection?credentialsId=" + credentialsId + "&iamDomain=" + DOMAIN
                + "&iamEndpoint=" + URLEncoder.encode(emu.url(), StandardCharsets.UTF_8) + "&testProjectId=" + PROJECT;
        return withCsms ? url + "&endpoint=" + URLEncoder.encode(emu.url(), StandardCharsets.UTF_8) : url;
    }

    private Page request(JenkinsRule.WebClient wc, String relative, HttpMethod method) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), relative), method);
        if (method == HttpMethod.POST) {
            wc.addCrumb(request);
        }
        return wc.getPage(request);
    }

    @Test
    void testConnectionIsAdminOnlyAndPostOnly() throws Exception {
        try (JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader")) {
            Page page = request(wc, testConnectionUrl(USER_ID, true), HttpMethod.POST);
            assertEquals(403, page.getWebResponse().getStatusCode());
        }
        try (JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin")) {
            Page page = request(wc, testConnectionUrl(USER_ID, true), HttpMethod.GET);
            assertNotEquals(200, page.getWebResponse().getStatusCode());
        }
        assertEquals(0, emu.requestCount(), "no request may reach IAM or CSMS");
    }

    @Test
    void testConnectionExchangesPasswordAndProbesCsms() throws Exception {
        emu.createSecret(PROJECT, "keep-me", "a");
        emu.createSecret(PROJECT, "keep-me-too", "b");
        try (JenkinsRule.WebClient wc = r.createWebClient().login("admin")) {
            String text = request(wc, testConnectionUrl(USER_ID, true), HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(text.contains("Success"), text);
            assertTrue(text.contains("accepted the token"), text);
            assertTrue(text.contains("HTTP 200"), text);
            assertTrue(text.contains("request id "), text);
            assertFalse(text.contains("request id none"), text);
            assertFalse(text.contains(CsmsTestSupport.PASSWORD));
        }
        assertEquals(1, emu.requestCount("POST", "/v3/auth/tokens"));
        // The engine's probe: one listing request for at most one name, and nothing else.
        String list = "/v1/" + PROJECT + "/secrets";
        assertEquals(1, emu.requestCount("GET", list));
        assertEquals(2, emu.requestCount());
        assertTrue(
                emu.requests().stream()
                        .anyMatch(q -> q.path().equals(list)
                                && q.query() != null
                                && q.query().contains("limit=1")),
                emu.requests().toString());
        assertEquals(0, emu.requestCount("DELETE", list + "/keep-me"));
        assertTrue(emu.hasSecret(PROJECT, "keep-me"));
        assertTrue(emu.hasSecret(PROJECT, "keep-me-too"));
    }

    @Test
    void testConnectionShowsStatusAndRequestIdOfAFailedProbe() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().login("admin")) {
            emu.revokeTokens();
            String text = request(wc, testConnectionUrl(TOKEN_ID, true), HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(text.contains("Failed for credentials"), text);
            assertTrue(text.contains("HTTP 401"), text);
            assertTrue(text.contains("request id "), text);
            assertFalse(text.contains("request id none"), text);
            assertFalse(text.contains(token), text);
        }
        // One attempt only: a Secret text token cannot be refreshed, so the 401 is not retried.
        assertEquals(1, emu.requestCount("GET", "/v1/" + PROJECT + "/secrets"));
        assertEquals(1, emu.requestCount());
    }

    @Test
    void testConnectionWithTokenReportsCsmsRefusal() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().login("admin")) {
            String text = request(wc, testConnectionUrl(TOKEN_ID, false), HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(text.contains("well-formed token"), text);
            assertFalse(text.contains(token));
            assertEquals(0, emu.requestCount());

            emu.revokeTokens();
            text = request(wc, testConnectionUrl(TOKEN_ID, true), HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(text.contains("401"), text);
            assertFalse(text.contains(token));
        }
    }

    @Test
    void credentialsListOnlyForPermittedUsers() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("job");
        try (JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader")) {
            String global = request(wc, DESCRIPTOR + "fillCredentialsIdItems?credentialsId=current", HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(global.contains("current"), global);
            assertFalse(global.contains(TOKEN_ID), global);
            String job = request(
                            wc,
                            "job/job/descriptorByName/" + SecretDeletion.class.getName()
                                    + "/fillCredentialsIdItems?credentialsId=current",
                            HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(job.contains("current"), job);
            assertFalse(job.contains(TOKEN_ID), job);
        }
        try (JenkinsRule.WebClient wc = r.createWebClient().login("admin")) {
            String global = request(wc, DESCRIPTOR + "fillCredentialsIdItems?credentialsId=", HttpMethod.POST)
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(global.contains(TOKEN_ID), global);
            assertTrue(global.contains(USER_ID), global);
        }
        assertEquals(0, emu.requestCount());
        assertTrue(p.getConfigFile().exists());
    }

    @Test
    void validationMessagesComeFromTheEngine() {
        assertEquals(
                "OK", FormSupport.check(null, FormField.PROJECT, PROJECT).kind.name());
        assertEquals(
                "ERROR", FormSupport.check(null, FormField.PROJECT, "abc").kind.name());
        assertEquals(
                "ERROR", FormSupport.check(null, FormField.NAME, "a/b").kind.name());
        assertEquals(
                "ERROR",
                FormSupport.check(null, FormField.NAMES, "ok-1, a/b").kind.name());
        assertEquals(
                "OK",
                FormSupport.check(null, FormField.NAMES, "ok-1, ok-2").kind.name());
        assertEquals(
                "ERROR",
                FormSupport.check(null, FormField.ENDPOINT, "http://example.com")
                        .kind
                        .name());
        assertEquals(
                "OK",
                FormSupport.check(null, FormField.ENDPOINT, "https://kms.cn-north-4.myhuaweicloud.com/")
                        .kind
                        .name());
    }

    @Test
    void settersRefuseBadValuesNamingTheFieldAndKeepTheOldOne() {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> global.setIfMissing("WARN"));
        assertEquals("ifMissing 'WARN' is invalid: it must be SUCCESS, UNSTABLE or FAILURE.", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> global.setReadTimeout(1000));
        assertTrue(e.getMessage().startsWith("readTimeout 1000 is invalid: it must be from 1 to 600"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> global.setEndpoint("http://x"));
        assertTrue(e.getMessage().startsWith("endpoint: "), e.getMessage());
        assertEquals("UNSTABLE", global.getIfMissing());
        assertEquals(30, global.getReadTimeout());
        assertEquals(null, global.getEndpoint());
    }
}
