package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil hunt --url/--data}: retro-hunts over events stored by a real in-process Vigil. More events
 * than one store page, so paging must cover the whole range; the client runs as a separate process because
 * credentials come from the environment.
 */
class RetroHuntCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "retro-hunt-passphrase";
    private static final int EVENTS = 2_500;
    private static final int EVERY = 100;

    private static final String NET_RULE = """
            title: Net user enumeration
            id: net-user-rule
            level: low
            tags: [attack.discovery]
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {Image|endswith: '\\\\net.exe'}
              condition: sel
            """;

    @TempDir
    Path dir;

    /** A Vigil with the whoami rule loaded and {@link #EVENTS} Sysmon process events, one whoami in {@link #EVERY}. */
    private Vigil startWithEvents() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("server-rules"));
        Files.writeString(rules.resolve("whoami.yml"), HuntCommandTest.WHOAMI_RULE);
        JsonNode config = JSON.readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 100, "commit_interval_ms": 200},
                 "detection": {"rule_dirs": ["%s"], "builtin_rules": false}}""".formatted(rules.toString().replace("\\", "\\\\")));
        Vigil vigil = Vigil.open(VigilConfig.parse(config), dir.resolve("data"));
        vigil.bootstrapAdmin(PASSWORD);
        vigil.listen(new PrintStream(new ByteArrayOutputStream(), true));
        VigilClient admin = new VigilClient("http://127.0.0.1:" + vigil.port(), "admin", PASSWORD);
        StringBuilder bulk = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < EVENTS; i++) {
            String image = i % EVERY == 0 ? "whoami.exe" : i % EVERY == 1 ? "net.exe" : "notepad.exe";
            bulk.append("{\"index\":{}}\n{\"@timestamp\":\"").append(now.minusSeconds(EVENTS - i)).append("\",\"winlog\":")
                    .append("{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":\"1\",\"computer_name\":\"pc")
                    .append(i % 3).append("\",\"event_data\":{\"Image\":\"C:\\\\Windows\\\\System32\\\\").append(image)
                    .append("\"}}}\n");
        }
        assertThat(admin.post("/_bulk", "application/x-ndjson", bulk.toString()).status()).isEqualTo(200);
        assertThat(admin.post("/_refresh", "application/json", "").status()).isEqualTo(200);
        return vigil;
    }

    @Test
    void aRetroHuntOnAServerReadsTheWholeRangeAndPrintsStoredEventIds() throws Exception {
        try (Vigil vigil = startWithEvents()) {
            String url = "http://127.0.0.1:" + vigil.port();
            Run run = client("hunt", "--url", url, "--from", "now-2h", "--format", "jsonl");
            assertThat(run.code).as(run.err).isZero();
            List<JsonNode> rows = lines(run.out);
            assertThat(rows).hasSize(EVENTS / EVERY);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("rule_id").asText()).isEqualTo("whoami-rule");
                assertThat(r.get("rule_title").asText()).isEqualTo("Whoami run");
                assertThat(r.get("level").asText()).isEqualTo("medium");
                assertThat(r.get("tags").get(0).asText()).isEqualTo("attack.discovery");
                assertThat(r.get("event_id").asText()).isNotBlank();
                assertThat(Instant.parse(r.get("@timestamp").asText())).isBefore(Instant.now());
            });
            assertThat(rows.stream().map(r -> r.get("event_id").asText()).distinct()).hasSize(EVENTS / EVERY);
            assertThat(rows.get(0).get("@timestamp").asText()).isLessThan(rows.get(rows.size() - 1).get("@timestamp").asText());
            assertThat(run.err).contains("hunted " + EVENTS + " stored events");

            Path extra = Files.createDirectories(dir.resolve("extra"));
            Files.writeString(extra.resolve("net.yml"), NET_RULE);
            Run posted = client("hunt", "--url", url, "--from", "now-2h", "--no-builtin", "--rules", extra.toString(),
                    "--format", "csv");
            assertThat(posted.code).as(posted.err).isZero();
            List<String> csv = posted.out.lines().toList();
            assertThat(csv.get(0)).isEqualTo("timestamp,rule_id,rule_title,level,tags,host,user,event_id,@timestamp,correlation_type,event_count");
            assertThat(csv).hasSize(1 + EVENTS / EVERY);
            assertThat(csv.subList(1, csv.size())).allSatisfy(l -> assertThat(l).contains(",net-user-rule,"));

            Run filtered = client("hunt", "--url", url, "--from", "now-2h", "--rules", extra.toString(),
                    "--rule-id", "net-user-rule", "--format", "jsonl");
            assertThat(lines(filtered.out)).hasSize(EVENTS / EVERY).allSatisfy(r -> assertThat(r.get("rule_id").asText()).isEqualTo("net-user-rule"));

            Run recent = client("hunt", "--url", url, "--from", "now-" + (EVENTS / 2) + "s", "--format", "jsonl");
            assertThat(lines(recent.out).size()).isBetween(EVENTS / EVERY / 2 - 1, EVENTS / EVERY / 2 + 1);
        }
    }

    @Test
    void aRetroHuntOfflineReadsTheDataDirectory() throws Exception {
        startWithEvents().close();
        Path rules = Files.createDirectories(dir.resolve("offline-rules"));
        Files.writeString(rules.resolve("whoami.yml"), HuntCommandTest.WHOAMI_RULE);
        CliRun run = CliRun.of("", "hunt", "--data", dir.resolve("data").toString(), "--no-builtin", "--rules", rules.toString(),
                "--from", "now-2h", "--format", "jsonl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lines(run.out())).hasSize(EVENTS / EVERY).allSatisfy(r -> assertThat(r.has("event_id")).isTrue());
        assertThat(run.err()).contains("hunted " + EVENTS + " stored events");
    }

    @Test
    void filesAndAStoreCannotBeHuntedTogether() throws IOException {
        Path file = Files.writeString(dir.resolve("e.ndjson"), "{}\n");
        assertThat(CliRun.of("", "hunt", "--data", dir.toString(), file.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("", "hunt").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("", "hunt", "--from", "now-1h", file.toString()).exitCode()).isEqualTo(2);
    }

    private record Run(int code, String out, String err) {}

    private Run client(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.vigil.server.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("VIGIL_USER", "admin");
        pb.environment().put("VIGIL_PASSWORD", PASSWORD);
        pb.environment().remove("VIGIL_TOKEN");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private static List<JsonNode> lines(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : text.lines().toList()) if (!l.isBlank()) out.add(JSON.readTree(l));
        return out;
    }
}
