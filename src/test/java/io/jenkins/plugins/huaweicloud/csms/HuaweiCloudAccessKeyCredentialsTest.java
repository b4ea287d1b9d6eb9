package io.jenkins.plugins.huaweicloud.csms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

/** The "Huawei Cloud access key" credentials type: JCasC symbol, fields, and the secret key stored encrypted. */
@WithJenkinsConfiguredWithCode
class HuaweiCloudAccessKeyCredentialsTest {

    private static final String SECRET_KEY = "sk-for-the-casc-test-0123456789abcdefghij";

    @Test
    @ConfiguredWithCode("HuaweiCloudAccessKeyCredentialsTest/configuration-as-code.yml")
    void importedWithItsSymbolAndStoredEncrypted(JenkinsConfiguredWithCodeRule r) throws Exception {
        HuaweiCloudAccessKeyCredentials key = SystemCredentialsProvider.getInstance().getCredentials().stream()
                .filter(HuaweiCloudAccessKeyCredentials.class::isInstance)
                .map(HuaweiCloudAccessKeyCredentials.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals("huaweicloud-ak", key.getId());
        assertEquals("CSMS teardown key", key.getDescription());
        assertEquals("HPUAEXAMPLEKEY000001", key.getAccessKeyId());
        assertEquals(SECRET_KEY, key.getSecretAccessKey().getPlainText());

        SystemCredentialsProvider.getInstance().save();
        String stored = SystemCredentialsProvider.getConfigFile().asString();
        assertTrue(stored.contains("HPUAEXAMPLEKEY000001"), stored);
        assertFalse(stored.contains(SECRET_KEY), "the secret access key is stored in clear:\n" + stored);
    }
}
