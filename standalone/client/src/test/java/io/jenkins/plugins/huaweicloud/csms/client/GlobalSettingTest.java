package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of the global configuration's setters: what each field stores, and what it refuses and says. */
class GlobalSettingTest {

    private static final Set<GlobalSetting> NUMBERS = EnumSet.of(
            GlobalSetting.ATTEMPTS,
            GlobalSetting.CONNECT_TIMEOUT,
            GlobalSetting.READ_TIMEOUT,
            GlobalSetting.CALL_TIMEOUT);

    @Test
    void badValuesAreRefusedNamingTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> GlobalSetting.IF_MISSING.text("WARN"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ifMissing 'WARN' is invalid: it must be SUCCESS, UNSTABLE or FAILURE.");
        assertThatThrownBy(() -> GlobalSetting.READ_TIMEOUT.number(1000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("readTimeout 1000 is invalid: it must be from 1 to 600 (0 or empty for the default, 30).");
        assertThatThrownBy(() -> GlobalSetting.ATTEMPTS.number(11))
                .hasMessage("attempts 11 is invalid: it must be from 1 to 10 (0 or empty for the default, 3).");
        assertThatThrownBy(() -> GlobalSetting.CALL_TIMEOUT.number(-1))
                .hasMessage("callTimeout -1 is invalid: it must be from 1 to 1800 (0 or empty for the default, 60).");
        assertThatThrownBy(() -> GlobalSetting.CONNECT_TIMEOUT.number(601))
                .hasMessageStartingWith("connectTimeout 601 is invalid: it must be from 1 to 600");
        assertThatThrownBy(() -> GlobalSetting.ENDPOINT.text("http://x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("endpoint: ")
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> GlobalSetting.IAM_ENDPOINT.text("ftp://iam.example.com"))
                .hasMessageStartingWith("iamEndpoint: ");
        assertThatThrownBy(() -> GlobalSetting.REGION.text("CN North")).hasMessageStartingWith("region: ");
        assertThatThrownBy(() -> GlobalSetting.AGENCY_NAME.text("x".repeat(65)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("agencyName '")
                .hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> GlobalSetting.AGENCY_DOMAIN.text("tar\u0007get"))
                .hasMessageStartingWith("agencyDomain ");
    }

    @Test
    void goodValuesAreStoredNormalised() {
        assertThat(GlobalSetting.IF_MISSING.text(" failure ")).isEqualTo("FAILURE");
        assertThat(GlobalSetting.ENDPOINT.text(" https://kms.cn-north-4.myhuaweicloud.com "))
                .isEqualTo("https://kms.cn-north-4.myhuaweicloud.com");
        assertThat(GlobalSetting.IAM_ENDPOINT.text("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(GlobalSetting.REGION.text(" cn-north-4 ")).isEqualTo("cn-north-4");
        assertThat(GlobalSetting.AGENCY_DOMAIN.text(" target ")).isEqualTo("target");
        assertThat(GlobalSetting.IAM_DOMAIN.text(" my-account ")).isEqualTo("my-account");
        assertThat(GlobalSetting.CREDENTIALS_ID.text(" csms-token ")).isEqualTo("csms-token");
        assertThat(GlobalSetting.ATTEMPTS.number(10)).isEqualTo(10);
        assertThat(GlobalSetting.CALL_TIMEOUT.number(1800)).isEqualTo(1800);
        assertThat(GlobalSetting.READ_TIMEOUT.number(1)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(GlobalSetting.class)
    void blankOrZeroMeansTheDefault(GlobalSetting setting) {
        if (NUMBERS.contains(setting)) {
            assertThat(setting.number(0)).isEqualTo(setting.defaultNumber()).isPositive();
        } else if (setting == GlobalSetting.IF_MISSING) {
            assertThat(setting.text(" ")).isEqualTo("UNSTABLE");
            assertThat(setting.text(null)).isEqualTo("UNSTABLE");
        } else {
            assertThat(setting.text(" ")).isNull();
            assertThat(setting.text(null)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(GlobalSetting.class)
    void aNumberIsNeverReadAsTextNorTextAsANumber(GlobalSetting setting) {
        if (NUMBERS.contains(setting)) {
            assertThatThrownBy(() -> setting.text("3")).isInstanceOf(IllegalStateException.class);
        } else {
            assertThatThrownBy(() -> setting.number(3)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(GlobalSetting.ATTEMPTS.defaultNumber()).isEqualTo(3);
        assertThat(GlobalSetting.CONNECT_TIMEOUT.defaultNumber()).isEqualTo(10);
        assertThat(GlobalSetting.READ_TIMEOUT.defaultNumber()).isEqualTo(30);
        assertThat(GlobalSetting.CALL_TIMEOUT.defaultNumber()).isEqualTo(60);
    }

    @Test
    void fieldNamesAreTheConfigurationPagesOwn() {
        assertThat(EnumSet.allOf(GlobalSetting.class))
                .extracting(GlobalSetting::field)
                .containsExactly(
                        "endpoint",
                        "region",
                        "iamEndpoint",
                        "iamDomain",
                        "agencyName",
                        "agencyDomain",
                        "credentialsId",
                        "ifMissing",
                        "attempts",
                        "connectTimeout",
                        "readTimeout",
                        "callTimeout");
    }
}
