package io.vigil.web;

import io.vigil.testkit.ManualClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.access.LockoutPolicy;
import io.vigil.access.Role;
import io.vigil.access.audit.FileAuditLog;
import io.vigil.ingest.bulk.RecordingGateway;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A server with a controllable clock, a file audit log and a small lockout policy, on 127.0.0.1:0. */
final class SecureWebFixture implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin passphrase 1";
    static final String ANALYST_PASSWORD = "analyst passphrase";

    final Path dir;
    final ManualClock clock;
    final MetaDatabase db;
    final Accounts accounts;
    final FileAuditLog audit;
    final WebServer server;
    final HttpClient http;

    SecureWebFixture(ManualClock clock, LockoutPolicy lockout, Transport transport, HttpClient http) throws IOException {
        this.dir = Files.createTempDirectory("vigil-secure-web");
        this.clock = clock;
        this.http = http;
        db = MetaDatabase.open(dir);
        accounts = new Accounts(db, clock, lockout);
        accounts.bootstrapAdmin(ADMIN_PASSWORD);
        accounts.createUser("ana", ANALYST_PASSWORD, Role.ANALYST);
        audit = FileAuditLog.open(dir, clock);
        WebContext context = new WebContext(accounts, new RecordingGateway(), new SearchService(null, clock),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "127.0.0.1", 0, WebLimits.defaults(), clock);
        WebSecurity security = WebSecurity.defaults().withAudit(audit).withTransport(transport);
        server = new WebServer(context, security, new RouteTable(List.of())).start();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.scheme() + "://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        return postJson("/api/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    static String cookie(HttpResponse<String> login) {
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Override
    public void close() throws IOException {
        server.close();
        audit.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
