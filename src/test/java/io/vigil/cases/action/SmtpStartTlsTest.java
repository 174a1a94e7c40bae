package io.vigil.cases.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cases.CaseTestSupport;
import io.vigil.cases.Incident;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/** E-mail to a real SMTP server that requires STARTTLS and AUTH, with a certificate made for the test. */
class SmtpStartTlsTest {
    @TempDir
    Path dir;

    @Test
    void deliversOverStartTlsWithAuthToAServerTrustedThroughTheCaFile() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate cert = selfSigned(keys);
        Path ca = dir.resolve("smtp-ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        List<String> received = new CopyOnWriteArrayList<>();
        SMTPServer server = SMTPServer.port(0).bindAddress(InetAddress.getByName("127.0.0.1")).hostName("127.0.0.1")
                .startTlsSocketFactory(serverTls(keys, cert)).requireTLS().requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(
                        (user, password, ctx) -> {
                            if (!user.equals("vigil") || !password.equals("mail-s3cret")) {
                                throw new org.subethamail.smtp.auth.LoginFailedException("bad credentials");
                            }
                        }))
                .messageHandler((ctx, from, to, data) -> received.add(from + " -> " + to + "\n" + new String(data, StandardCharsets.UTF_8)))
                .build();
        server.start();
        try (CaseTestSupport cases = new CaseTestSupport(dir.resolve("cases"))) {
            Incident incident = cases.incidentOn("ws-42", "vss-delete");
            Smtp smtp = new Smtp("127.0.0.1", server.getPortAllocated(), "vigil", "mail-s3cret", "vigil@example.org", ca, 10_000);
            var email = new ActionDefinition.Email("notify-soc", List.of("soc@example.org"),
                    new Template("[{{incident.severity}}] {{incident.title}}"), new Template("Incident {{incident.id}} on {{host}}"), false);
            var config = new ActionsConfig(new Allowlist(List.of("127.0.0.1"), List.of()), new RetryPolicy(1, 10), smtp,
                    List.of(email), List.of());
            try (Containment c = cases.containment(config)) {
                ActionRecord done = c.completion(c.request(incident.id(), "notify-soc", null, "ann").id()).get(30, TimeUnit.SECONDS);
                assertThat(done.state()).as(done.result()).isEqualTo(ActionRecord.State.SUCCEEDED);
            }
            assertThat(received).singleElement().asString()
                    .startsWith("vigil@example.org -> soc@example.org")
                    .contains("Subject: [high] Rule vss-delete on ws-42", "Incident " + incident.id() + " on ws-42");
        } finally {
            server.stop();
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=127.0.0.1");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static SSLContext serverTls(KeyPair keys, X509Certificate cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("smtp", keys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }
}
