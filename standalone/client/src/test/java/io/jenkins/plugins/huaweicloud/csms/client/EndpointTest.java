package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {
    private static final String KMS = "https://kms.cn-north-4.myhuaweicloud.com";

    @Test
    void acceptsHttps() {
        Endpoint e = Endpoint.of(KMS);
        assertThat(e.url()).isEqualTo(KMS);
        assertThat(e).hasToString(KMS);
        assertThat(e.host()).isEqualTo("kms.cn-north-4.myhuaweicloud.com");
    }

    @Test
    void normalisesTrailingSlashesAndSurroundingWhitespace() {
        assertThat(Endpoint.of(KMS + "/")).isEqualTo(Endpoint.of(KMS)).hasSameHashCodeAs(Endpoint.of(KMS));
        assertThat(Endpoint.of("  " + KMS + "/\n").url()).isEqualTo(KMS);
        assertThat(Endpoint.of("https://h.example.com/csms//"))
                .isEqualTo(Endpoint.of("https://h.example.com/csms"))
                .hasToString("https://h.example.com/csms");
    }

    @Test
    void keepsAPathPrefixAndBuildsRequestPathsBelowIt() {
        Endpoint prefixed = Endpoint.of("https://gw.example.com/dew/kms/");
        assertThat(prefixed.url()).isEqualTo("https://gw.example.com/dew/kms");
        assertThat(prefixed.urlBuilder().addPathSegment("v1").build().encodedPath())
                .isEqualTo("/dew/kms/v1");
        assertThat(Endpoint.of(KMS).urlBuilder().addPathSegment("v1").build().encodedPath())
                .isEqualTo("/v1");
        assertThat(Endpoint.of("https://gw.example.com/a")).isNotEqualTo(Endpoint.of("https://gw.example.com/b"));
    }

    @Test
    void refusesCleartextToARemoteHostAndMentionsHttps() {
        assertThatThrownBy(() -> Endpoint.of("http://example.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must use https://")
                .hasMessageContaining("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost", "http://[::1]:9/"})
    void acceptsCleartextToLiteralLoopbackHosts(String raw) {
        Endpoint e = Endpoint.of(raw);
        assertThat(e.url()).startsWith("http://").doesNotEndWith("/");
        assertThat(Endpoint.isLoopback(e.host())).isTrue();
    }

    @Test
    void refusesCleartextToANameThatOnlyLooksLikeLoopback() {
        // a wildcard DNS name resolving to 127.0.0.1 is not a literal loopback address: it is never resolved here
        assertThatThrownBy(() -> Endpoint.of("http://127.0.0.1.nip.io"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must use https://");
        assertThat(Endpoint.isLoopback("localhost.example.com")).isFalse();
    }

    @Test
    void refusesUserInfoWithoutEchoingThePassword() {
        assertThatThrownBy(() -> Endpoint.of("https://admin:Hunter2Pw@kms.example.com/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kms.example.com")
                .hasMessageContaining("must not contain a user name or password")
                .hasMessageNotContaining("Hunter2Pw")
                .hasMessageNotContaining("admin");
    }

    @Test
    void neverEchoesAPasswordWhateverTheOtherProblem() {
        SoftAssertions softly = new SoftAssertions();
        for (String raw : new String[] {
            "https://admin:Hunter2 Pw@kms.example.com", // a space in the password
            "ftp://admin:Hunter2Pw@kms.example.com",
            "https://admin:Hunter2Pw@",
            // characters that end the user info for a URL parser, but not for the person who typed the password
            "https://admin:Hunter2/Pw@kms.example.com",
            "https://admin:Hunter2#Pw@kms.example.com",
            "https://admin:Hunter2?Pw@kms.example.com",
            "https:/admin:Hunter2Pw@kms.example.com",
            "admin:Hunter2Pw@kms.example.com"
        }) {
            softly.assertThatThrownBy(() -> Endpoint.of(raw))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageNotContaining("Hunter2");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @CsvSource({"/?a=b, must not have a query", "?, must not have a query", "/#top, must not have a fragment"})
    void refusesAQueryOrAFragment(String suffix, String expected) {
        assertThatThrownBy(() -> Endpoint.of(KMS + suffix))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void refusesSpacesAndNonAscii() {
        for (String raw : new String[] {"https://kms.example.com/a b", "https://kms.\u4f8b.com"}) {
            assertThatThrownBy(() -> Endpoint.of(raw))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("without spaces or non-ASCII characters")
                    .hasMessageNotContaining("\u4f8b");
        }
    }

    @Test
    void refusesOtherSchemesAndMentionsHttps() {
        for (String raw : new String[] {"ftp://kms.example.com", "kms.cn-north-4.myhuaweicloud.com"}) {
            assertThatThrownBy(() -> Endpoint.of(raw))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("must start with https://");
        }
    }

    @Test
    void refusesAMissingEndpointWithAnExample() {
        for (String raw : new String[] {null, " \n "}) {
            assertThatThrownBy(() -> Endpoint.of(raw))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("missing")
                    .hasMessageContaining("https://kms.cn-north-4.myhuaweicloud.com");
        }
    }

    @Test
    void buildsRegionalAndGlobalEndpoints() {
        assertThat(Endpoint.forRegion("cn-north-4").url()).isEqualTo(KMS);
        assertThat(Endpoint.forRegion(" ap-southeast-1 ").url())
                .isEqualTo("https://kms.ap-southeast-1.myhuaweicloud.com");
        assertThat(Endpoint.iamForRegion("cn-north-4").url()).isEqualTo("https://iam.cn-north-4.myhuaweicloud.com");
        assertThat(Endpoint.iamGlobal().url()).isEqualTo("https://iam.myhuaweicloud.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-101", "eu-west-1", "eu-west-102"})
    void dublinRegionsAreServedAtMyhuaweicloudEuForCsmsAndIam(String region) {
        assertThat(Endpoint.domainFor(region)).isEqualTo("myhuaweicloud.eu");
        assertThat(Endpoint.forRegion(region).url()).isEqualTo("https://kms." + region + ".myhuaweicloud.eu");
        assertThat(Endpoint.iamForRegion(region).url()).isEqualTo("https://iam." + region + ".myhuaweicloud.eu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-0", "eu-west-2", "ap-southeast-1", "cn-north-4", "la-south-2"})
    void otherRegionsStayAtMyhuaweicloudCom(String region) {
        assertThat(Endpoint.forRegion(region).url()).isEqualTo("https://kms." + region + ".myhuaweicloud.com");
        assertThat(Endpoint.iamForRegion(region).url()).isEqualTo("https://iam." + region + ".myhuaweicloud.com");
    }

    @Test
    void aFullEndpointUrlStaysTheWayOutForAnyOtherCloud() {
        assertThat(Endpoint.of("https://kms.eu-west-101.myhuaweicloud.eu/").url())
                .isEqualTo("https://kms.eu-west-101.myhuaweicloud.eu");
        assertThat(Endpoint.of("https://kms.my-region.example.org").host()).isEqualTo("kms.my-region.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN-NORTH-4", "cn north", "../x", ""})
    void refusesBadRegionsWithAnExample(String region) {
        assertThatThrownBy(() -> Endpoint.forRegion(region))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("region id")
                .hasMessageContaining("such as cn-north-4");
        assertThatThrownBy(() -> Endpoint.iamForRegion(region)).isInstanceOf(InvalidInputException.class);
    }
}
