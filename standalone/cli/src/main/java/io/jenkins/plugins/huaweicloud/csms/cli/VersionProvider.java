package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code csms --version}: the engine's version. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"csms " + Version.get() + " (Huawei Cloud CSMS for Jenkins)"};
    }
}
