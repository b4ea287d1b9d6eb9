package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For any strings as project id and secret name: either a validation error and no request at all, or exactly one
 * request whose path is exactly {@code /v1/{p}/secrets/{n}}. Nothing in a name can reach another path.
 */
class RequestPathPropertyTest {
    private static MockWebServer server;
    private static CsmsClient client;

    @BeforeContainer
    static void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).build();
            }
        });
        server.start();
        FakeClock clock = new FakeClock();
        client = CsmsClient.builder()
                .endpoint(Fixtures.endpoint(server))
                .tokenSource(TokenSource.fixed(Fixtures.TOKEN))
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .random(new SplittableRandom(1))
                .build();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 400)
    void eitherRefusedWithNothingSentOrExactlyThePath(@ForAll("projects") String project, @ForAll("names") String name)
            throws Exception {
        int before = server.getRequestCount();
        ProjectId p;
        SecretName n;
        try {
            p = ProjectId.of(project);
            n = SecretName.of(name);
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage())
                    .containsAnyOf(" is invalid: ", " is missing: ")
                    .doesNotContain("\n");
            assertThat(server.getRequestCount()).isEqualTo(before);
            return;
        }

        DeletionResult r = client.delete(p, n);

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(server.getRequestCount()).isEqualTo(before + 1);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/v1/" + project + "/secrets/" + name);
        assertThat(request.getUrl().pathSegments()).containsExactly("v1", project, "secrets", name);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings()
                        .withChars("abcAZ09_-./%?#; \\\n\u0000\u0430\uff21")
                        .ofMaxLength(66),
                Arbitraries.of(
                        "..",
                        ".",
                        "...",
                        "%2F",
                        "a/b",
                        "h#x",
                        "q?x",
                        "a%00",
                        "\u0430dmin",
                        "app.db",
                        ".x",
                        "x.",
                        "a..b"),
                Arbitraries.strings().withChars("._-a").ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withChars("._-0123456789")
                        .ofMinLength(1)
                        .ofMaxLength(64));
    }

    @Provide
    Arbitrary<String> projects() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(70),
                Arbitraries.strings()
                        .withChars("0123456789abcdef/.%")
                        .ofMinLength(30)
                        .ofMaxLength(66),
                Arbitraries.strings()
                        .withChars("0123456789abcdef")
                        .ofMinLength(32)
                        .ofMaxLength(32));
    }
}
