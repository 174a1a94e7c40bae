package io.vigil.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.access.Capability;
import io.vigil.access.Role;
import io.vigil.ingest.bulk.RecordingGateway;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** A real server on 127.0.0.1:0 with a real H2 in a temp dir, users of each role, tokens, and a recording gateway. */
final class WebFixture implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin passphrase 1";
    static final String VIEWER_PASSWORD = "viewer passphrase";
    static final String INGEST_PASSWORD = "ingest passphrase";

    final Path dir;
    final MetaDatabase db;
    final Accounts accounts;
    final RecordingGateway gateway = new RecordingGateway();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final WebServer server;
    final io.vigil.store.LuceneEventStore store;
    final String ingestToken;
    final String metricsToken;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebFixture(WebLimits limits) throws IOException {
        dir = Files.createTempDirectory("vigil-web-test");
        db = MetaDatabase.open(dir);
        accounts = new Accounts(db, Clock.systemUTC());
        store = io.vigil.store.LuceneEventStore.open(io.vigil.store.LuceneEventStore.Options.defaults(dir.resolve("store")));
        accounts.bootstrapAdmin(ADMIN_PASSWORD);
        accounts.createUser("viewer", VIEWER_PASSWORD, Role.VIEWER);
        accounts.createUser("shipper", INGEST_PASSWORD, Role.INGEST);
        ingestToken = accounts.createToken("shipper", "filebeat", Role.INGEST, Set.of()).secret();
        metricsToken = accounts.createToken("shipper", "prometheus", Role.INGEST, Set.of(Capability.METRICS)).secret();
        WebContext context = new WebContext(accounts, gateway, new SearchService(store, Clock.systemUTC()), registry,
                "127.0.0.1", 0, limits, Clock.systemUTC());
        server = new WebServer(context).start();
    }

    WebFixture() throws IOException {
        this(WebLimits.defaults());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    HttpResponse<String> post(String path, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    @Override
    public void close() throws IOException {
        server.close();
        store.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
