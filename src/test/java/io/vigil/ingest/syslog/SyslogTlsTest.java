package io.vigil.ingest.syslog;

import static io.vigil.ingest.syslog.RecordingGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS listener with a generated certificate and with configured PEM files, tested with a JDK client. */
class SyslogTlsTest {
    @TempDir
    Path data;
    private final RecordingGateway gateway = new RecordingGateway();
    private final SyslogMetrics metrics = new SyslogMetrics();
    private SyslogInputs inputs;

    @AfterEach
    void stop() {
        if (inputs != null) {
            inputs.close();
        }
    }

    private SyslogInputs startTls(SyslogOptions.TlsFiles files) throws IOException {
        return SyslogInputs.start(SyslogOptions.defaults().withTls(files).withPorts(null, null, 0), gateway, metrics);
    }

    @Test
    void generatesACertificateOnceAndDeliversMessagesOverTls() throws Exception {
        inputs = startTls(new SyslogOptions.TlsFiles(null, null, data));
        Path cert = data.resolve("tls/syslog.crt");
        Path key = data.resolve("tls/syslog.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        try (SSLSocket socket = connect(cert, inputs.tlsPort())) {
            socket.getOutputStream().write("11 <13>octets!<13>line\n".getBytes(StandardCharsets.US_ASCII));
        }
        await("two messages", Duration.ofSeconds(10), () -> gateway.lineCount() == 2);
        assertThat(gateway.lines()).containsExactly("<13>octets!", "<13>line");
        assertThat(gateway.batches()).extracting(b -> b.source()).containsOnly("syslog-tls");
        assertThat(gateway.batches()).extracting(b -> b.sourceAddress()).containsOnly("127.0.0.1");

        String fingerprint = inputs.tlsFingerprint().orElseThrow();
        assertThat(fingerprint).isEqualTo(TlsIdentity.fingerprint(PemFiles.readCertificates(cert).get(0)))
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        inputs.close();
        inputs = startTls(new SyslogOptions.TlsFiles(null, null, data));
        assertThat(inputs.tlsFingerprint()).as("the certificate is reused on the next start").contains(fingerprint);
    }

    @Test
    void lingeringBatchesFlushWithoutBreakingTheTlsSession() throws Exception {
        inputs = startTls(new SyslogOptions.TlsFiles(null, null, data));
        try (SSLSocket socket = connect(data.resolve("tls/syslog.crt"), inputs.tlsPort())) {
            for (int round = 1; round <= 3; round++) {
                socket.getOutputStream().write(SyslogInputsTest.lines("<13>round " + round + " line ", 3));
                int expected = 3 * round;
                // the read timeout that ends each linger must leave the TLS session usable
                await(expected + " lines on one open TLS connection", Duration.ofSeconds(10),
                        () -> gateway.lineCount() == expected);
            }
        }
        assertThat(metrics.connectionsOpened()).isEqualTo(1);
        assertThat(metrics.connectionErrors()).isZero();
    }

    @Test
    void generatedCertificateNamesLoopbackAndLastsEightHundredTwentyFiveDays() throws Exception {
        inputs = startTls(new SyslogOptions.TlsFiles(null, null, data));
        X509Certificate cert = PemFiles.readCertificates(data.resolve("tls/syslog.crt")).get(0);
        assertThat(cert.getSubjectAlternativeNames()).extracting(san -> (Object) san.get(1))
                .contains((Object) "localhost", "127.0.0.1");
        assertThat(cert.getSubjectX500Principal().getName()).startsWith("O=Vigil syslog,CN=").doesNotEndWith("CN=");
        long days = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays();
        assertThat(days).isEqualTo(825);
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void usesConfiguredPemFiles() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate("configured.example");
        Path cert = data.resolve("server.pem");
        Path key = data.resolve("server.key");
        PemFiles.writeCertificate(cert, generated.certificate());
        PemFiles.writePrivateKey(key, generated.keyPair().getPrivate());
        inputs = startTls(new SyslogOptions.TlsFiles(cert, key, null));
        assertThat(inputs.tlsFingerprint()).contains(TlsIdentity.fingerprint(generated.certificate()));
        try (SSLSocket socket = connect(cert, inputs.tlsPort())) {
            socket.getOutputStream().write("<13>configured\n".getBytes(StandardCharsets.US_ASCII));
        }
        await("the message", Duration.ofSeconds(10), () -> gateway.lineCount() == 1);
        assertThat(Files.exists(data.resolve("tls"))).as("nothing generated").isFalse();
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        Path cert = data.resolve("server.pem");
        Path key = data.resolve("other.key");
        PemFiles.writeCertificate(cert, SelfSignedCertificate.generate("a.example").certificate());
        PemFiles.writePrivateKey(key, SelfSignedCertificate.generate("b.example").keyPair().getPrivate());
        assertThatThrownBy(() -> startTls(new SyslogOptions.TlsFiles(cert, key, null)))
                .isInstanceOf(IOException.class).hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void explainsAFileWithoutAKey() throws Exception {
        Path cert = data.resolve("server.pem");
        PemFiles.writeCertificate(cert, SelfSignedCertificate.generate("a.example").certificate());
        assertThatThrownBy(() -> startTls(new SyslogOptions.TlsFiles(cert, cert, null)))
                .isInstanceOf(IOException.class).hasMessageContaining("no PEM private key found");
    }

    @Test
    void countsAFailedHandshakeAsAConnectionError() throws Exception {
        inputs = startTls(new SyslogOptions.TlsFiles(null, null, data));
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", inputs.tlsPort())) {
            plain.getOutputStream().write("<13>not TLS at all\n".getBytes(StandardCharsets.US_ASCII));
            plain.setSoTimeout(5000);
            plain.getInputStream().readAllBytes();
        } catch (IOException expected) {
            // the server may reset the connection
        }
        await("the handshake failure", Duration.ofSeconds(10), () -> metrics.connectionErrors() == 1);
        assertThat(gateway.lineCount()).isZero();
    }

    /** A client that trusts only the given certificate and checks that it names 127.0.0.1. */
    static SSLSocket connect(Path trustedCert, int port) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        List<X509Certificate> chain = PemFiles.readCertificates(trustedCert);
        trust.setCertificateEntry("syslog", chain.get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }
}
