package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.Role;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule's file text and trying a posted rule on stored events, through a real in-process Vigil. */
class RuleRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = """
            title: Failed logon for a service account
            id: 6a1b0000-0000-4000-8000-000000000001
            level: medium
            tags: [attack.credential_access, attack.t1110]
            logsource: { category: authentication }
            detection:
              selection:
                event.action: logon-failed
                user.name: svc_backup
              condition: selection
            """;

    @TempDir
    static Path dir;
    static Vigil vigil;
    static VigilClient admin;
    static VigilClient viewer;

    @BeforeAll
    static void start() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("svc.yml"), RULE);
        JsonNode config = JSON.readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 100, "commit_interval_ms": 500},
                 "detection": {"rule_dirs": ["%s"], "builtin_rules": false}}""".formatted(rules.toString().replace("\\", "\\\\")));
        vigil = Vigil.open(VigilConfig.parse(config), dir.resolve("data"));
        vigil.bootstrapAdmin("rule-routes-passphrase");
        vigil.accounts().createUser("viewer", "viewer passphrase", Role.VIEWER);
        vigil.listen(new PrintStream(new ByteArrayOutputStream(), true));
        String base = "http://127.0.0.1:" + vigil.port();
        admin = new VigilClient(base, "admin", "rule-routes-passphrase");
        viewer = new VigilClient(base, "viewer", "viewer passphrase");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String user = i % 3 == 0 ? "svc_backup" : "alice";
            bulk.append("{\"index\":{}}\n{\"@timestamp\":\"").append(Instant.now().minusSeconds(60L * (i + 1)))
                    .append("\",\"host\":{\"name\":\"dc-").append(i % 2).append("\"},\"user\":{\"name\":\"").append(user)
                    .append("\"},\"event\":{\"action\":\"logon-failed\"}}\n");
        }
        assertThat(admin.post("/_bulk", "application/x-ndjson", bulk.toString()).status()).isEqualTo(200);
        assertThat(admin.post("/_refresh", "application/json", "").status()).isEqualTo(200);
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() throws Exception {
        vigil.close();
    }

    @Test
    void aViewerReadsTheRuleFileText() throws Exception {
        String id = admin.get("/api/rules").json().get("rules").get(0).get("id").asText();
        VigilClient.Response text = viewer.get("/api/rules/" + id + "/text");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.json().get("text").asText()).isEqualTo(RULE);
        assertThat(text.json().get("source").asText()).endsWith("svc.yml:1");
        assertThat(viewer.get("/api/rules/no-such-rule/text").status()).isEqualTo(404);
    }

    @Test
    void aPostedRuleIsTestedAgainstStoredEventsWithoutLoadingIt() throws Exception {
        String body = JSON.createObjectNode().put("yaml", RULE.replace("svc_backup", "alice"))
                .put("from", "now-24h").put("limit", 5).toString();
        JsonNode result = admin.post("/api/rules/test", "application/json", body).json();
        assertThat(result.get("matches").asLong()).isEqualTo(20);
        assertThat(result.get("scanned").asLong()).isEqualTo(30);
        assertThat(result.get("complete").asBoolean()).isTrue();
        assertThat(result.get("events")).hasSize(5);
        assertThat(result.get("events").get(0).get("host").asText()).startsWith("dc-");
        assertThat(admin.get("/api/rules").json().get("rules")).hasSize(1);
    }

    @Test
    void anInvalidRuleIsA400WithItsLineAndReason() throws Exception {
        String broken = RULE.replace("condition: selection", "condition: selection and nothing_here");
        VigilClient.Response r = admin.post("/api/rules/test", "application/json",
                JSON.createObjectNode().put("yaml", broken).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("line").asInt()).isPositive();
        assertThat(r.json().get("reason").asText()).contains("nothing_here");
        assertThat(r.body()).doesNotContain("vigil-rule-test-");
        VigilClient.Response yaml = admin.post("/api/rules/test", "application/json",
                JSON.createObjectNode().put("yaml", "title: [unclosed").toString());
        assertThat(yaml.status()).isEqualTo(400);
    }

    @Test
    void testingARuleNeedsTheAnalystRole() throws Exception {
        assertThat(viewer.post("/api/rules/test", "application/json", JSON.createObjectNode().put("yaml", RULE).toString())
                .status()).isEqualTo(403);
    }
}
