package io.vigil.web;

import io.vigil.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.access.LockoutPolicy;
import io.vigil.ingest.bulk.RecordingGateway;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import io.vigil.web.tls.TlsFiles;
import io.vigil.web.tls.TlsIdentity;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTransportTest {
    @TempDir
    Path data;

    static HttpClient trusting(TlsIdentity identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("vigil", identity.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void serverOnAGeneratedCertificateAnswersHttpsWithHsts() throws Exception {
        TlsIdentity identity = TlsFiles.loadOrGenerate(data, List.of("127.0.0.1"), Clock.systemUTC());
        Path key = data.resolve("tls").resolve(TlsFiles.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        TlsIdentity again = TlsFiles.loadOrGenerate(data, List.of(), Clock.systemUTC());
        assertThat(again.fingerprint()).as("generated once, reused").isEqualTo(identity.fingerprint());

        ManualClock clock = new ManualClock(Instant.now());
        try (SecureWebFixture web = new SecureWebFixture(clock, LockoutPolicy.DEFAULTS, new Transport.Tls(identity),
                trusting(identity))) {
            assertThat(web.server.scheme()).isEqualTo("https");
            HttpResponse<String> health = web.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            HttpResponse<String> login = web.login("ana", SecureWebFixture.ANALYST_PASSWORD);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure").contains("HttpOnly");

            HttpClient untrusting = HttpClient.newHttpClient();
            assertThatThrownBy(() -> untrusting.send(web.request("/health").build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        TlsFiles.loadOrGenerate(data, List.of(), Clock.systemUTC());
        Path key = data.resolve("tls").resolve(TlsFiles.KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TlsFiles.load(data.resolve("tls").resolve(TlsFiles.CERT_FILE), key))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesPlainHttpOnANonLoopbackAddressUnlessExplicitlyAllowed() throws Exception {
        try (MetaDatabase db = MetaDatabase.open(data)) {
            Accounts accounts = new Accounts(db, Clock.systemUTC());
            WebContext everywhere = new WebContext(accounts, new RecordingGateway(), new SearchService(null, Clock.systemUTC()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "0.0.0.0", 0, WebLimits.defaults(), Clock.systemUTC());
            assertThatThrownBy(() -> new WebServer(everywhere))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("0.0.0.0").hasMessageContaining("allow_plain_http").hasMessageContaining("http.tls");
            // constructing is enough: the check runs before binding, and tests never listen beyond loopback
            assertThat(new WebServer(everywhere, WebSecurity.defaults().withTransport(new Transport.Plain(true)),
                    new RouteTable(List.of())).scheme()).isEqualTo("http");
            TlsIdentity identity = TlsFiles.loadOrGenerate(data, List.of(), Clock.systemUTC());
            assertThat(new WebServer(everywhere, WebSecurity.defaults().withTransport(new Transport.Tls(identity)),
                    new RouteTable(List.of())).scheme()).isEqualTo("https");
            WebContext loopback = new WebContext(accounts, new RecordingGateway(), new SearchService(null, Clock.systemUTC()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "localhost", 0, WebLimits.defaults(), Clock.systemUTC());
            assertThat(new WebServer(loopback).scheme()).isEqualTo("http");
        }
    }
}
