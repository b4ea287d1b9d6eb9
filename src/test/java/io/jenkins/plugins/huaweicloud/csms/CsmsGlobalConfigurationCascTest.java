package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

/** JCasC: {@code unclassified: huaweicloudCsms: ...} imports and exports. */
@WithJenkinsConfiguredWithCode
class CsmsGlobalConfigurationCascTest {

    @Test
    @ConfiguredWithCode("CsmsGlobalConfigurationCascTest/configuration-as-code.yml")
    void importsAndExports(JenkinsConfiguredWithCodeRule r) throws Exception {
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        assertEquals("cn-north-4", global.getRegion());
        assertNull(global.getEndpoint());
        assertEquals("my-account", global.getIamDomain());
        assertEquals("csms-teardown", global.getAgencyName());
        assertEquals("target-account", global.getAgencyDomain());
        assertEquals("huaweicloud-iam", global.getCredentialsId());
        assertEquals("SUCCESS", global.getIfMissing());
        assertEquals(5, global.getAttempts());
        assertEquals(5, global.getConnectTimeout());
        assertEquals(20, global.getReadTimeout());
        assertEquals(45, global.getCallTimeout());

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("huaweicloudCsms");
        assertNotNull(node);
        String exported = toYamlString(node);
        for (String line : new String[] {
            "region: \"cn-north-4\"",
            "iamDomain: \"my-account\"",
            "agencyName: \"csms-teardown\"",
            "agencyDomain: \"target-account\"",
            "credentialsId: \"huaweicloud-iam\"",
            "ifMissing: \"SUCCESS\"",
            "attempts: 5",
            "connectTimeout: 5",
            "readTimeout: 20",
            "callTimeout: 45"
        }) {
            assertTrue(exported.contains(line), "exported YAML lacks " + line + ":\n" + exported);
        }
    }

    /** A bad value in a JCasC file fails the import with the field and what is allowed; the old value stays. */
    @Test
    void badValuesAreRefusedWhenTheConfigurationIsApplied(JenkinsConfiguredWithCodeRule r) {
        String[][] cases = {
            {"bad-ifMissing.yml", "ifMissing 'WARN' is invalid: it must be SUCCESS, UNSTABLE or FAILURE."},
            {"bad-readTimeout.yml", "readTimeout 1000 is invalid: it must be from 1 to 600"},
            {"bad-endpoint.yml", "endpoint: "},
            {"bad-agencyName.yml", "agencyName '" + "a".repeat(65) + "' is invalid: it must be 1 to 64 characters"}
        };
        for (String[] c : cases) {
            String yaml = getClass()
                    .getResource("CsmsGlobalConfigurationCascTest/" + c[0])
                    .toExternalForm();
            ConfiguratorException e = assertThrows(
                    ConfiguratorException.class, () -> ConfigurationAsCode.get().configure(yaml));
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains(c[1]), c[0] + ":\n" + messages);
        }
        CsmsGlobalConfiguration global = CsmsGlobalConfiguration.get();
        assertEquals("UNSTABLE", global.getIfMissing());
        assertEquals(30, global.getReadTimeout());
        assertNull(global.getEndpoint());
        assertNull(global.getAgencyName());
    }
}
