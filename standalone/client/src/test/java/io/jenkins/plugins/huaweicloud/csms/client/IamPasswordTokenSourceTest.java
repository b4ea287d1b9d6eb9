package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IAM password exchange: request shape, caching by expiry, one call under concurrency, re-mint on 401. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IamPasswordTokenSourceTest {
    private static final String PASSWORD = "pa\"ss\\word-\u00e9";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer iam = new MockWebServer();
    private final MockWebServer csms = new MockWebServer();
    private final FakeClock clock = new FakeClock(); // 2026-11-29T12:00:00Z
    private final OkHttpClient http =
            CsmsClient.newHttpClient(Fixtures.fastSettings().build());

    @BeforeEach
    void start() throws Exception {
        iam.start();
        csms.start();
    }

    @AfterEach
    void stop() {
        iam.close();
        csms.close();
    }

    private IamPasswordTokenSource source() {
        return new IamPasswordTokenSource(credentials(), http, clock);
    }

    private IamPasswordCredentials credentials() {
        return new IamPasswordCredentials(Fixtures.endpoint(iam), "acme", "alice", PASSWORD, PROJECT);
    }

    private static MockResponse issued(String token, String expiresAt) {
        return new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", token)
                .addHeader("X-Request-Id", "iam-req")
                .body("{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"methods\":[\"password\"]}}")
                .build();
    }

    private static String token(int n) {
        return "MIIE-iam-token-" + n + "-" + "t".repeat(40);
    }

    @Test
    void exchangeSendsAProjectScopedPasswordRequest() throws Exception {
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));

        Token t = source().token();

        RecordedRequest req = iam.takeRequest();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/v3/auth/tokens?nocatalog=true");
        assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(req.getBody().utf8());
        JsonNode user = body.at("/auth/identity/password/user");
        assertThat(body.at("/auth/identity/methods/0").asText()).isEqualTo("password");
        assertThat(user.get("name").asText()).isEqualTo("alice");
        assertThat(user.get("password").asText()).isEqualTo(PASSWORD);
        assertThat(user.at("/domain/name").asText()).isEqualTo("acme");
        assertThat(body.at("/auth/scope/project/id").asText()).isEqualTo(PROJECT.value());
        assertThat(t.value()).isEqualTo(token(1));
    }

    @Test
    void tokenIsCachedAcrossDeletions() throws Exception {
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        csms.enqueue(status(200));
        csms.enqueue(status(200));
        IamPasswordTokenSource tokens = source();
        CsmsClient client = csmsClient(tokens);

        client.delete(PROJECT, SecretName.of("a"));
        client.delete(PROJECT, SecretName.of("b"));

        assertThat(iam.getRequestCount()).isEqualTo(1);
        assertThat(tokens.exchanges()).isEqualTo(1);
        assertThat(csms.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(token(1));
        assertThat(csms.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(token(1));
    }

    @Test
    void tokenIsRenewedFiveMinutesBeforeItExpires() throws Exception {
        iam.enqueue(issued(token(1), "2026-11-29T13:00:00.000000Z"));
        iam.enqueue(issued(token(2), "2026-11-29T14:00:00.000000Z"));
        IamPasswordTokenSource tokens = source();

        Token first = tokens.token();
        clock.advance(Duration.ofMinutes(54));
        Token stillFirst = tokens.token();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Token second = tokens.token();

        assertThat(stillFirst.value()).isEqualTo(first.value());
        assertThat(second.value()).isEqualTo(token(2));
        assertThat(iam.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shortLivedTokenIsRenewedAtHalfItsLife() throws Exception {
        iam.enqueue(issued(token(1), "2026-11-29T12:04:00.000000Z"));
        iam.enqueue(issued(token(2), "2026-11-29T12:30:00.000000Z"));
        IamPasswordTokenSource tokens = source();

        tokens.token();
        clock.advance(Duration.ofSeconds(119));
        assertThat(tokens.token().value()).isEqualTo(token(1));
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token().value()).isEqualTo(token(2));
    }

    @Test
    void missingExpiryIsCachedForAnHourOnly() throws Exception {
        iam.enqueue(new MockResponse.Builder()
                .code(201)
                .addHeader("X-Subject-Token", token(1))
                .body("{}")
                .build());
        iam.enqueue(issued(token(2), "2026-11-30T12:00:00.000000Z"));
        IamPasswordTokenSource tokens = source();

        tokens.token();
        clock.advance(Duration.ofMinutes(50));
        assertThat(tokens.token().value()).isEqualTo(token(1));
        clock.advance(Duration.ofMinutes(10));
        assertThat(tokens.token().value()).isEqualTo(token(2));
    }

    @Test
    void concurrentCallersShareOneExchange() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        iam.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                calls.incrementAndGet();
                return issued(token(calls.get()), "2026-11-30T12:00:00.000000Z")
                        .newBuilder()
                        .headersDelay(200, TimeUnit.MILLISECONDS)
                        .build();
            }
        });
        IamPasswordTokenSource tokens = source();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Token>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return tokens.token();
                }));
            }
            go.countDown();
            for (Future<Token> f : futures) {
                assertThat(f.get(10, TimeUnit.SECONDS).value()).isEqualTo(token(1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls.get()).isEqualTo(1);
        assertThat(tokens.exchanges()).isEqualTo(1);
    }

    @Test
    void csms401MintsANewTokenOnceAndSucceeds() throws Exception {
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        iam.enqueue(issued(token(2), "2026-11-30T12:00:00.000000Z"));
        csms.enqueue(Fixtures.error(401, "APIG.0301", "token revoked"));
        csms.enqueue(status(200));

        DeletionResult r = csmsClient(source()).delete(PROJECT, NAME);

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(iam.getRequestCount()).isEqualTo(2);
        assertThat(csms.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(token(1));
        assertThat(csms.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(token(2));
    }

    @Test
    void csms401TwiceGivesUpAfterOneReauthentication() throws Exception {
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        iam.enqueue(issued(token(2), "2026-11-30T12:00:00.000000Z"));
        iam.enqueue(issued(token(3), "2026-11-30T12:00:00.000000Z"));
        csms.enqueue(Fixtures.error(401, "APIG.0301", "token revoked"));
        csms.enqueue(Fixtures.error(401, "APIG.0301", "token revoked"));
        csms.enqueue(status(200));

        DeletionResult r = csmsClient(source()).delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.UNAUTHORIZED);
        assertThat(iam.getRequestCount()).isEqualTo(2);
        assertThat(csms.getRequestCount()).isEqualTo(2);
    }

    @Test
    void wrongPasswordIsNeverRetried() throws Exception {
        iam.enqueue(new MockResponse.Builder()
                .code(401)
                .addHeader("X-Request-Id", "iam-401")
                .body(
                        "{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}")
                .build());
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        csms.enqueue(status(200));

        DeletionResult r = csmsClient(source()).delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.reason())
                .contains("alice")
                .contains("acme")
                .contains("The username or password is wrong.")
                .contains("lock");
        assertThat(r.requestId()).isEqualTo("iam-401");
        assertThat(iam.getRequestCount()).isEqualTo(1);
        assertThat(csms.getRequestCount()).isZero();
    }

    @Test
    void iamServerErrorIsNotRetriedEither() throws Exception {
        iam.enqueue(status(503));
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));

        assertThatThrownBy(() -> source().token())
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((TokenException) e).status()).isEqualTo(503));
        assertThat(iam.getRequestCount()).isEqualTo(1);
    }

    @Test
    void successWithoutSubjectTokenIsAnError() throws Exception {
        iam.enqueue(new MockResponse.Builder().code(201).body("{}").build());

        assertThatThrownBy(() -> source().token())
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("X-Subject-Token");
    }

    @Test
    void unreachableIamIsATokenErrorAfterOneTry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IamPasswordCredentials creds = new IamPasswordCredentials(
                Endpoint.of("http://127.0.0.1:" + closedPort), "acme", "alice", PASSWORD, PROJECT);

        assertThatThrownBy(() -> new IamPasswordTokenSource(creds, http, clock).token())
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("could not be reached")
                .hasMessageContaining("connection refused");
    }

    @Test
    void aRefusedPasswordIsNotTriedAgainForEachSecretOfABatch() throws Exception {
        iam.enqueue(new MockResponse.Builder().code(401).build());
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        CsmsClient client = csmsClient(source());

        List<DeletionResult> results =
                client.deleteAll(PROJECT, List.of(SecretName.of("a"), SecretName.of("b"), SecretName.of("c")));

        assertThat(results).allSatisfy(r -> assertThat(r.kind()).isEqualTo(ResultKind.TOKEN_ERROR));
        assertThat(results.get(2).reason()).contains("remembered");
        assertThat(iam.getRequestCount()).isEqualTo(1);
        assertThat(csms.getRequestCount()).isZero();
    }

    @Test
    void aRefusalIsTriedAgainOnlyAfterTenMinutes() throws Exception {
        iam.enqueue(new MockResponse.Builder().code(401).build());
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        IamPasswordTokenSource tokens = source();

        assertThatThrownBy(tokens::token).isInstanceOf(TokenException.class);
        clock.advance(Duration.ofMinutes(9));
        assertThatThrownBy(tokens::token).isInstanceOf(TokenException.class).hasMessageContaining("remembered");
        assertThat(iam.getRequestCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.token().value()).isEqualTo(token(1));
        assertThat(iam.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anIamOutageIsRememberedOnlyBriefly() throws Exception {
        iam.enqueue(status(503));
        iam.enqueue(issued(token(1), "2026-11-30T12:00:00.000000Z"));
        IamPasswordTokenSource tokens = source();

        assertThatThrownBy(tokens::token).isInstanceOf(TokenException.class);
        assertThatThrownBy(tokens::token).hasMessageContaining("remembered");
        clock.advance(Duration.ofSeconds(30));
        assertThat(tokens.token().value()).isEqualTo(token(1));
    }

    @Test
    void credentialsRequireAccountUserAndPassword() {
        Endpoint e = Fixtures.endpoint(iam);
        assertThatThrownBy(() -> new IamPasswordCredentials(e, " ", "alice", "pw", PROJECT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Account (domain) name is missing");
        assertThatThrownBy(() -> new IamPasswordCredentials(e, "acme", null, "pw", PROJECT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("IAM user name is missing");
        assertThatThrownBy(() -> new IamPasswordCredentials(e, "acme", "alice", "", PROJECT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("password is missing");
        assertThatThrownBy(() -> new IamPasswordCredentials(e, "acme", "al\nice", "pw", PROJECT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("without control characters");
    }

    private CsmsClient csmsClient(TokenSource tokens) {
        return CsmsClient.builder()
                .endpoint(Fixtures.endpoint(csms))
                .tokenSource(tokens)
                .settings(Fixtures.fastSettings().build())
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .build();
    }
}
