package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The signer against every shared vector: Huawei's published examples and the official SDK's own signatures. */
class SdkHmacSignerTest {

    static List<SignatureVectors> vectors() {
        return SignatureVectors.all();
    }

    @Test
    void everyVectorIsRead() {
        // 3 published examples and 15 SDK signatures: a vector lost in parsing would pass silently.
        assertThat(vectors()).hasSize(18);
        assertThat(vectors())
                .allSatisfy(v -> assertThat(v.expectedAuthorization()).startsWith("SDK-HMAC-SHA256 "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesTheVectorsAuthorizationExactly(SignatureVectors v) {
        String authorization = SdkHmacSigner.authorization(
                v.ak(), v.sk(), v.method(), HttpUrl.get(v.url()), v.signedHeaders(), v.body());

        assertThat(authorization).isEqualTo(v.expectedAuthorization());
    }

    @Test
    void reproducesThePublishedCanonicalRequest() {
        SignatureVectors v = vectors().get(0);
        assertThat(v.expectedCanonicalRequest()).isNotNull();

        assertThat(SdkHmacSigner.canonicalRequest(v.method(), HttpUrl.get(v.url()), v.signedHeaders(), v.body()))
                .isEqualTo(v.expectedCanonicalRequest());
    }

    @Test
    void canonicalFormEncodesSortsAndTrims() {
        // Values of one name sort by their encoded bytes: '%' (0x25) before '0' (0x30).
        HttpUrl url = HttpUrl.get("https://h.example.com/v1/a%20b/c~d.e_f?z=1&a=%C3%A9%2F&a=0&empty=");
        Map<String, String> headers =
                new TreeMap<>(Map.of("X-Sdk-Date", " 20260101T000000Z ", "Host", "h.example.com"));

        String canonical = SdkHmacSigner.canonicalRequest("delete", url, headers, null);

        assertThat(canonical)
                .isEqualTo("DELETE\n/v1/a%20b/c~d.e_f/\na=%C3%A9%2F&a=0&empty=&z=1\nhost:h.example.com\n"
                        + "x-sdk-date:20260101T000000Z\n\nhost;x-sdk-date\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
