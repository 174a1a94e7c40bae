package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root end to end, in-process: ingest → journal → parse → detect → store → search/alerts. */
class VigilServerTest {
    private static final String PASSWORD = "server-test-passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Vigil vigil;
    private VigilClient client;
    private String printed;

    @BeforeEach
    void start() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("shadow.yml"), """
                title: Shadow copies deleted with vssadmin
                id: 5f1a0000-0000-4000-8000-000000000001
                status: test
                level: high
                tags: [attack.impact, attack.t1490]
                logsource: { product: windows, category: process_creation }
                detection:
                  selection:
                    Image|endswith: '\\vssadmin.exe'
                    CommandLine|contains|all: [delete, shadows]
                  condition: selection
                """);
        JsonNode configTree = JSON.readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 100, "commit_interval_ms": 500},
                 "detection": {"rule_dirs": ["%s"]}}""".formatted(rules.toString().replace("\\", "\\\\")));
        vigil = Vigil.open(VigilConfig.parse(configTree), dir.resolve("data"));
        vigil.bootstrapAdmin(PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vigil.listen(new PrintStream(out, true));
        printed = out.toString();
        client = new VigilClient("http://127.0.0.1:" + vigil.port(), "admin", PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        vigil.close();
    }

    @Test
    void printsWhereItListensOnLoopback() {
        assertThat(printed).contains("Vigil listening on http://127.0.0.1:" + vigil.port());
    }

    @Test
    void bulkEventsAreSearchableAfterRefreshAndCountedPerIndex() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            body.append("{\"index\":{}}\n{\"@timestamp\":\"").append(Instant.now().minusSeconds(60 + i))
                .append("\",\"message\":\"login failed for user").append(i).append("\",\"host\":{\"name\":\"web-").append(i % 5).append("\"}}\n");
        }
        assertThat(client.post("/web-logs/_bulk", "application/x-ndjson", body.toString()).status()).isEqualTo(200);
        assertThat(client.post("/web-logs/_refresh", "application/json", "").status()).isEqualTo(200);
        assertThat(client.get("/web-logs/_count").json().get("count").asLong()).isEqualTo(50);
        JsonNode result = client.search("message:failed AND host.name:web-3", "now-1h", "now", 100);
        assertThat(result.get("total").asLong()).isEqualTo(10);
        JsonNode cat = client.get("/_cat/indices/web-logs?format=json").json();
        assertThat(cat.get(0).get("docs.count").asText()).isEqualTo("50");
        assertThat(Long.parseLong(cat.get(0).get("store.size").asText())).isPositive();
    }

    @Test
    void aMatchingEventRaisesOneAlertShownByTheApiAndAcknowledgeable() throws Exception {
        String event = """
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Hostname":"pos-ws014","TimeCreated":"%s",
                 "Image":"C:\\\\Windows\\\\System32\\\\vssadmin.exe","CommandLine":"vssadmin.exe delete shadows /all /quiet",
                 "ParentImage":"C:\\\\Windows\\\\System32\\\\cmd.exe","User":"POST\\\\duc.pham"}""".formatted(Instant.now().minusSeconds(5));
        String bulk = "{\"index\":{}}\n" + event.replace("\n", "") + "\n{\"index\":{}}\n{\"message\":\"harmless\"}\n";
        assertThat(client.post("/_bulk", "application/x-ndjson", bulk).status()).isEqualTo(200);
        assertThat(client.post("/_flush", "application/json", "").status()).isEqualTo(200);
        JsonNode alerts = client.get("/api/alerts").json().get("alerts");
        // the built-in pack's shadow-copy rule sees the same event; the configured rule raises exactly one alert
        List<JsonNode> ours = new java.util.ArrayList<>();
        alerts.forEach(a -> { if (a.get("rule_id").asText().equals("5f1a0000-0000-4000-8000-000000000001")) ours.add(a); });
        assertThat(ours).hasSize(1);
        assertThat(alerts.toString()).contains("Shadow copies deleted or shrunk from the command line");
        JsonNode alert = ours.get(0);
        assertThat(alert.get("rule_title").asText()).isEqualTo("Shadow copies deleted with vssadmin");
        assertThat(alert.get("level").asText()).isEqualTo("high");
        assertThat(alert.get("host").asText()).isEqualTo("pos-ws014");
        assertThat(alert.get("tags").toString()).contains("attack.t1490");
        String eventId = alert.get("event_ids").get(0).asText();
        JsonNode hits = client.post("/api/search", "application/json",
                "{\"query\":\"process.executable:*vssadmin.exe\",\"from\":\"now-1h\"}").json().get("hits");
        assertThat(hits.get(0).get("_id").asText()).isEqualTo(eventId);
        assertThat(client.post("/api/alerts/" + alert.get("id").asText() + "/ack", "application/json", "").status()).isEqualTo(200);
        assertThat(client.get("/api/alerts?status=acknowledged").json().get("alerts")).singleElement()
                .satisfies(a -> assertThat(a.get("id").asText()).isEqualTo(alert.get("id").asText()));
    }

    @Test
    void analystsExportSearchResultsAsCsvAndNdjsonAndViewersCannot() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            body.append("{\"index\":{}}\n{\"@timestamp\":\"").append(Instant.now().minusSeconds(100 + i))
                .append("\",\"message\":\"export row ").append(i).append(i == 7 ? " =cmd|calc" : "").append("\"}\n");
        }
        assertThat(client.post("/exp/_bulk", "application/x-ndjson", body.toString()).status()).isEqualTo(200);
        assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
        VigilClient.Response ndjson = client.post("/api/export", "application/json",
                "{\"query\":\"vigil.index:exp\",\"from\":\"now-1h\",\"format\":\"ndjson\"}");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(200);
        assertThat(ndjson.body().lines().count()).as("all rows, paged past the 1000-hit page").isEqualTo(1500);
        VigilClient.Response csv = client.post("/api/export", "application/json",
                "{\"query\":\"message:calc\",\"from\":\"now-1h\",\"format\":\"csv\",\"fields\":[\"message\"]}");
        assertThat(csv.body().lines().toList()).containsExactly("\"message\"", "\"export row 7 =cmd|calc\"");
        vigil.accounts().createUser("vera", "viewer-passphrase-1", io.vigil.access.Role.VIEWER);
        VigilClient viewer = new VigilClient("http://127.0.0.1:" + vigil.port(), "vera", "viewer-passphrase-1");
        assertThat(viewer.post("/api/export", "application/json", "{\"query\":\"*\"}").status()).isEqualTo(403);
    }

    @Test
    void rulesCanBeListedAndDisabled() throws Exception {
        String id = "5f1a0000-0000-4000-8000-000000000001";
        assertThat(ruleById(id).get("enabled").asBoolean()).isTrue();
        int running = vigil.rules().engine().rules().size();
        assertThat(client.post("/api/rules/" + id + "/disable", "application/json", "").status()).isEqualTo(200);
        assertThat(ruleById(id).get("enabled").asBoolean()).isFalse();
        assertThat(vigil.rules().engine().rules().size()).isEqualTo(running - 1);
        assertThat(client.post("/api/rules/" + id + "/enable", "application/json", "").status()).isEqualTo(200);
        assertThat(vigil.rules().engine().rules().size()).isEqualTo(running);
    }

    private JsonNode ruleById(String id) throws Exception {
        for (JsonNode r : client.get("/api/rules").json().get("rules")) {
            if (r.get("id").asText().equals(id)) return r;
        }
        throw new AssertionError("rule " + id + " not listed");
    }
}
