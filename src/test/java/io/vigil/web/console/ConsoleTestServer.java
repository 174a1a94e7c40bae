package io.vigil.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.Role;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real Vigil, in-process, for the browser tests: {@link Vigil#open} on a temporary data directory with
 * the Sigma rules of {@link TestRules}, listening on 127.0.0.1 port 0, with one user of each role and an
 * ingest token. Events go in through the real {@code _bulk} and {@code /api/events} routes. One containment
 * action is configured (a webhook to a local stand-in EDR, needing approval), and the source of the XSS
 * corpus may stay silent for one minute only.
 */
final class ConsoleTestServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin passphrase 1";
    static final String ANALYST_PASSWORD = "analyst passphrase";
    static final String VIEWER_PASSWORD = "viewer passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_BATCH = 500;
    /** The one configured containment action: a webhook to {@link #edr} that needs approval. */
    static final String ISOLATE_ACTION = "isolate-host";
    /**
     * The source the XSS corpus comes from ({@code /api/events} from 127.0.0.1); it sends once, so with a
     * one-minute limit it goes silent during the test run.
     */
    static final String SILENT_SOURCE = "http/127.0.0.1";

    final Path dir;
    final Vigil vigil;
    final VigilClient admin;
    final String ingestToken;
    /** A stand-in EDR that receives the webhook of the {@link #ISOLATE_ACTION} containment action. */
    final HttpServer edr;
    final List<String> edrRequests = new CopyOnWriteArrayList<>();

    ConsoleTestServer() throws IOException {
        dir = Files.createTempDirectory("vigil-console-test");
        Path rules = TestRules.write(dir.resolve("rules"));
        edr = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        edr.createContext("/isolate", exchange -> {
            edrRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        edr.start();
        String edrUrl = "http://127.0.0.1:" + edr.getAddress().getPort() + "/";
        JsonNode config = JSON.readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 200, "commit_interval_ms": 1000},
                 "detection": {"rule_dirs": ["%s"], "builtin_rules": false},
                 "sources": {"max_silence_minutes": {"%s": 1}},
                 "actions": {"allowlist": {"url_prefixes": ["%s"]}, "retry": {"attempts": 1, "initial_backoff_ms": 100},
                   "webhooks": [{"name": "%s", "url": "%sisolate", "body_template": "{\\"host\\":\\"{{host}}\\"}",
                                 "secret": "console test webhook secret", "timeout_ms": 5000, "requires_approval": true}]}}"""
                .formatted(rules.toString().replace("\\", "\\\\"), SILENT_SOURCE, edrUrl, ISOLATE_ACTION, edrUrl));
        vigil = Vigil.open(VigilConfig.parse(config), dir.resolve("data"));
        vigil.bootstrapAdmin(ADMIN_PASSWORD);
        vigil.accounts().createUser("analyst", ANALYST_PASSWORD, Role.ANALYST);
        vigil.accounts().createUser("viewer", VIEWER_PASSWORD, Role.VIEWER);
        vigil.accounts().createUser("shipper", "shipper passphrase", Role.INGEST);
        ingestToken = vigil.accounts().createToken("shipper", "filebeat", Role.INGEST, Set.of()).secret();
        vigil.listen(new PrintStream(new ByteArrayOutputStream(), true));
        admin = new VigilClient(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + vigil.port();
    }

    /** Sends JSON documents through {@code POST /_bulk} in batches. */
    void bulk(List<String> documents) throws IOException, InterruptedException {
        for (int start = 0; start < documents.size(); start += BULK_BATCH) {
            StringBuilder body = new StringBuilder();
            for (String doc : documents.subList(start, Math.min(documents.size(), start + BULK_BATCH))) {
                body.append("{\"index\":{}}\n").append(doc).append('\n');
            }
            VigilClient.Response r = admin.post("/_bulk", "application/x-ndjson", body.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("errors").asBoolean(false)).as(r.body()).isFalse();
        }
    }

    /** Waits until everything accepted is parsed, detected and searchable. */
    void refresh() throws IOException, InterruptedException {
        assertThat(admin.post("/_refresh", "application/json", "").status()).isEqualTo(200);
    }

    /** The HTTP status of a GET as an admin: tells the tests which optional APIs this server has. */
    int statusOf(String path) throws IOException, InterruptedException {
        return admin.get(path).status();
    }

    @Override
    public void close() throws Exception {
        try {
            edr.stop(0);
            vigil.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
