package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.NAME;
import static io.jenkins.plugins.huaweicloud.csms.client.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An https endpoint whose certificate the JVM does not trust: refused, never "fixed" by trusting all. */
class TlsTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void start() throws Exception {
        HeldCertificate selfSigned = new HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost")
                .build();
        HandshakeCertificates serverCertificates =
                new HandshakeCertificates.Builder().heldCertificate(selfSigned).build();
        server.useHttps(serverCertificates.sslSocketFactory());
        server.start();
        server.enqueue(Fixtures.status(200));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUntrustedCertificateIsAFailureWithoutRetryAndNothingIsDeleted() throws Exception {
        Endpoint endpoint = Endpoint.of("https://localhost:" + server.getPort());

        DeletionResult r = Fixtures.client(server, clock, new RecordingSleeper(clock))
                .endpoint(endpoint)
                .build()
                .delete(PROJECT, NAME);

        assertThat(r.kind()).isEqualTo(ResultKind.NETWORK_ERROR);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.reason()).contains("TLS failure").contains("localhost").contains("never ignored");
        assertThat(r.reason()).doesNotContain(Fixtures.TOKEN_TEXT);
        assertThat(server.getRequestCount()).isZero();
    }
}
