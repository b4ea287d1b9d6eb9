package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.huaweicloud.csms.emulator.SignatureVerifier;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The engine's signer against the emulator's verifier (separate code): for any valid secret name and query values,
 * the verifier accepts exactly what the engine sends, and refuses it after a one-byte change of the signature, the
 * date, another signed header, the path, the query or the body.
 */
class SignatureRoundTripPropertyTest {
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "exampleSecretKey0123456789abcdefghijklmnopq";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    enum Part {
        SIGNATURE,
        DATE,
        SIGNED_HEADER,
        PATH,
        QUERY,
        BODY
    }

    /** What the gateway receives, in the verifier's terms. */
    private record Received(String method, String path, String query, Function<String, String> header, byte[] body) {
        boolean verifies() {
            return SignatureVerifier.verify(method, path, query, header, body, SK);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withChars(ALNUM + "._-")
                .ofMinLength(1)
                .ofMaxLength(64)
                .filter(SignatureRoundTripPropertyTest::validName);
    }

    // Whatever SecretName accepts today (periods depend on the engine's name rules).
    private static boolean validName(String name) {
        try {
            SecretName.of(name);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> queryValues() {
        // Any text a marker or filter could carry, escaped by okhttp and by the signer.
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(80);
    }

    @Property(tries = 300)
    void theVerifierAcceptsWhatTheEngineSendsAndNoOneByteChange(
            @ForAll("names") String name,
            @ForAll("queryValues") String marker,
            @ForAll("bodies") String body,
            @ForAll boolean temporary,
            @ForAll boolean post,
            @ForAll Part part,
            @ForAll @IntRange(min = 0, max = 10_000) int where)
            throws Exception {
        Received sent = sign(name, marker, body, temporary, post);
        assertThat(sent.verifies()).as("as sent").isTrue();

        Received changed = change(sent, part, where);

        assertThat(changed.verifies()).as("%s changed", part).isFalse();
    }

    private static Received sign(String name, String marker, String body, boolean temporary, boolean post)
            throws Exception {
        ProjectId project = ProjectId.of("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        HttpUrl url = HttpUrl.get("http://127.0.0.1:41641/v1/")
                .newBuilder()
                .addPathSegment(project.value())
                .addPathSegment("secrets")
                .addPathSegment(SecretName.of(name).value())
                .addQueryParameter("limit", "50")
                .addQueryParameter("marker", marker)
                .build();
        Request.Builder unsigned = new Request.Builder().url(url);
        if (post) {
            unsigned.post(RequestBody.create(body, MediaType.get("application/json")));
        } else {
            unsigned.get();
        }
        AccessKey key =
                temporary ? AccessKey.temporary(AK, SK, "security-token-" + "t".repeat(50)) : AccessKey.of(AK, SK);
        FakeClock clock = new FakeClock(Instant.parse("2026-12-02T01:02:03Z"));
        Request request = new AccessKeyAuthenticator(AccessKeySource.fixed(key), clock, new SecretRedactor())
                .authenticate(unsigned.build(), project)
                .request();
        return new Received(
                request.method(),
                request.url().encodedPath(),
                request.url().encodedQuery(),
                request::header,
                bytes(request));
    }

    private static byte[] bytes(Request request) throws IOException {
        if (request.body() == null) {
            return null;
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readByteArray();
    }

    private static Received change(Received r, Part part, int where) {
        String authorization = r.header().apply("Authorization");
        return switch (part) {
            case SIGNATURE -> {
                int at = authorization.length() - 64 + where % 64;
                yield withHeader(r, "Authorization", otherAt(authorization, at));
            }
            case DATE -> {
                String date = r.header().apply("X-Sdk-Date");
                yield withHeader(r, "X-Sdk-Date", otherAt(date, where % date.length()));
            }
            case SIGNED_HEADER -> {
                String[] signed = authorization
                        .replaceAll(".*SignedHeaders=([^,]*),.*", "$1")
                        .split(";");
                String name = signed[where % signed.length];
                String value = r.header().apply(name);
                yield withHeader(r, name, otherAt(value, where % value.length()));
            }
            case PATH ->
                new Received(
                        r.method(),
                        otherAt(r.path(), 1 + where % (r.path().length() - 1)),
                        r.query(),
                        r.header(),
                        r.body());
            case QUERY ->
                new Received(
                        r.method(),
                        r.path(),
                        otherAt(r.query(), where % r.query().length()),
                        r.header(),
                        r.body());
            case BODY -> {
                byte[] body = r.body() == null ? new byte[0] : r.body();
                byte[] changed;
                if (body.length == 0) {
                    changed = new byte[] {'x'};
                } else {
                    changed = body.clone();
                    changed[where % body.length] ^= 0x01;
                }
                yield new Received(r.method(), r.path(), r.query(), r.header(), changed);
            }
        };
    }

    private static Received withHeader(Received r, String name, String value) {
        Function<String, String> original = r.header();
        Function<String, String> changed =
                n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) ? value : original.apply(n);
        return new Received(r.method(), r.path(), r.query(), changed, r.body());
    }

    /**
     * One character replaced by a letter or digit it is not. A percent escape is changed in its first hex digit's
     * place only when that keeps it a different byte, which a letter or digit always does.
     */
    private static String otherAt(String text, int index) {
        char c = text.charAt(index);
        char other = ALNUM.charAt((ALNUM.indexOf(c) + 1 + ALNUM.length()) % ALNUM.length());
        return text.substring(0, index) + other + text.substring(index + 1);
    }
}
