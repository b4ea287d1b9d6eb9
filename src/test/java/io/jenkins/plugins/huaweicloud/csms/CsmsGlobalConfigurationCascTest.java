package io.jenkins.plugins.huaweicloud.csms;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
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
}
