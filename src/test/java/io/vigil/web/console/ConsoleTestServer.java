package io.vigil.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.Role;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real Vigil, in-process, for the browser tests: {@link Vigil#open} on a temporary data directory with
 * the Sigma rules of {@link TestRules}, listening on 127.0.0.1 port 0, with one user of each role and an
 * ingest token. Events go in through the real {@code _bulk} and {@code /api/events} routes.
 */
final class ConsoleTestServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin passphrase 1";
    static final String ANALYST_PASSWORD = "analyst passphrase";
    static final String VIEWER_PASSWORD = "viewer passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_BATCH = 500;

    final Path dir;
    final Vigil vigil;
    final VigilClient admin;
    final String ingestToken;

    ConsoleTestServer() throws IOException {
        dir = Files.createTempDirectory("vigil-console-test");
        Path rules = TestRules.write(dir.resolve("rules"));
        JsonNode config = JSON.readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 200, "commit_interval_ms": 1000},
                 "detection": {"rule_dirs": ["%s"], "builtin_rules": false}}""".formatted(rules.toString().replace("\\", "\\\\")));
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
            vigil.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
