package io.jenkins.plugins.huaweicloud.csms.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The emulator's own verifier against every shared vector, and against one-byte changes of each. */
class SignatureVerifierTest {

    static List<Vectors> vectors() {
        return Vectors.all();
    }

    @Test
    void everyVectorIsRead() {
        assertThat(vectors()).hasSize(18);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptsTheVector(Vectors v) {
        assertThat(v.verifies()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAOneByteChangeOfTheSignature(Vectors v) {
        String authorization = v.header("Authorization");
        for (int i = authorization.length() - 64; i < authorization.length(); i += 7) {
            assertThat(v.withHeader("Authorization", Vectors.changeOne(authorization, i))
                            .verifies())
                    .as("signature changed at %d", i)
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAOneByteChangeOfTheDateOrAnySignedHeader(Vectors v) {
        String list = v.header("Authorization").replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
        for (String name : list.split(";")) {
            String value = v.header(name);
            for (int i = 0; i < value.length(); i += Math.max(1, value.length() / 5)) {
                assertThat(v.withHeader(name, Vectors.changeOne(value, i)).verifies())
                        .as("%s changed at %d", name, i)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAOneByteChangeOfThePathOrQuery(Vectors v) {
        String url = v.url().toString();
        int pathStart = url.indexOf('/', url.indexOf("//") + 2);
        for (int i = pathStart + 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                assertThat(v.withUrl(Vectors.changeOne(url, i)).verifies())
                        .as("url changed at %d: %s", i, Vectors.changeOne(url, i))
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAOneByteChangeOfTheBody(Vectors v) {
        byte[] body = v.body() == null ? new byte[0] : v.body();
        byte[] added = new byte[body.length + 1];
        System.arraycopy(body, 0, added, 0, body.length);
        added[body.length] = ' ';
        assertThat(v.withBody(added).verifies()).isFalse();
        for (int i = 0; i < body.length; i++) {
            byte[] changed = body.clone();
            changed[i] ^= 0x01;
            assertThat(v.withBody(changed).verifies()).as("body byte %d", i).isFalse();
        }
    }

    @Test
    void refusesAnAuthorizationOfAnotherShape() {
        Vectors v = Vectors.named("sdk: delete, simple name");
        for (String bad : List.of(
                "",
                "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=host;x-sdk-date",
                "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=" + "0".repeat(64),
                v.header("Authorization").replace("SignedHeaders=host;", "SignedHeaders=x-sdk-date;host;"))) {
            assertThat(v.withHeader("Authorization", bad).verifies()).as(bad).isFalse();
        }
        assertThat(SignatureVerifier.decode("a%2Fb%zz+")).isEqualTo("a/b%zz+");
        assertThat(SignatureVerifier.encode("é /").getBytes(StandardCharsets.US_ASCII))
                .isEqualTo("%C3%A9%20%2F".getBytes(StandardCharsets.US_ASCII));
    }
}
