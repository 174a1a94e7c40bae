package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil hunt} and {@code vigil rules check} run in-process on generated files. */
class HuntCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static final String WHOAMI_RULE = """
            title: Whoami run
            id: whoami-rule
            level: medium
            tags: [attack.discovery]
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {Image|endswith: '\\\\whoami.exe'}
              condition: sel
            """;

    private Path sysmonFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String image : List.of("C:\\\\Windows\\\\System32\\\\notepad.exe", "C:\\\\Windows\\\\System32\\\\whoami.exe")) {
            lines.add("""
                    {"@timestamp":"2024-05-01T10:00:00Z","winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",\
                    "event_id":"1","computer_name":"pc1","event_data":{"Image":"%s","User":"CORP\\\\bob"}}}""".formatted(image));
        }
        return Files.write(dir.resolve("sysmon.ndjson"), lines);
    }

    private Path authLog() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("May  1 10:00:00 web1 sshd[10]: Accepted password for alice from 10.0.0.2 port 5000 ssh2");
        for (int i = 0; i < 10; i++) lines.add("May  1 10:00:%02d web1 sshd[11]: Failed password for root from 203.0.113.9 port %d ssh2".formatted(i + 1, 6000 + i));
        return Files.write(dir.resolve("auth.log"), lines);
    }

    private List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void huntWritesOneJsonLinePerDetectionWithFileAndEventIndex() throws IOException {
        Path rules = Files.writeString(Files.createDirectory(dir.resolve("rules")).resolve("whoami.yml"), WHOAMI_RULE);
        Path sysmon = sysmonFile();
        Path auth = authLog();
        Path out = dir.resolve("out.jsonl");
        int code = Main.run("hunt", "--rules", rules.toString(), "--format", "jsonl", "-o", out.toString(),
                sysmon.toString(), auth.toString());
        assertThat(code).isZero();
        List<JsonNode> found = jsonl(out);
        assertThat(found).hasSize(2);
        JsonNode whoami = found.get(0);
        assertThat(whoami.path("rule_id").asText()).isEqualTo("whoami-rule");
        assertThat(whoami.path("rule_title").asText()).isEqualTo("Whoami run");
        assertThat(whoami.path("level").asText()).isEqualTo("medium");
        assertThat(whoami.path("tags").get(0).asText()).isEqualTo("attack.discovery");
        assertThat(whoami.path("file").asText()).isEqualTo(sysmon.toString());
        assertThat(whoami.path("event").asLong()).isEqualTo(1);
        assertThat(whoami.path("timestamp").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(whoami.path("host").asText()).isEqualTo("pc1");
        JsonNode brute = found.get(1);
        assertThat(brute.path("rule_title").asText()).isEqualTo("SSH brute force from one address");
        assertThat(brute.path("file").asText()).isEqualTo(auth.toString());
        assertThat(brute.path("event").asLong()).isEqualTo(10);
        assertThat(brute.path("correlation").path("group").path("source.ip").asText()).isEqualTo("203.0.113.9");
        assertThat(brute.path("correlation").path("events")).hasSize(10);
        assertThat(brute.path("correlation").path("events").get(0).path("event").asLong()).isEqualTo(1);
    }

    @Test
    void noBuiltinLeavesVigilsOwnRulesOut() throws IOException {
        Path rules = Files.writeString(dir.resolve("whoami.yml"), WHOAMI_RULE);
        Path out = dir.resolve("out.jsonl");
        assertThat(Main.run("hunt", "--no-builtin", "--rules", rules.toString(), "--format", "jsonl", "-o", out.toString(),
                authLog().toString(), sysmonFile().toString())).isZero();
        assertThat(jsonl(out)).extracting(n -> n.path("rule_id").asText()).containsExactly("whoami-rule");
    }

    @Test
    void csvHasAHeaderAndOneRowPerDetection() throws IOException {
        Path rules = Files.writeString(dir.resolve("whoami.yml"), WHOAMI_RULE);
        Path out = dir.resolve("out.csv");
        assertThat(Main.run("hunt", "--no-builtin", "--rules", rules.toString(), "--format", "csv", "-o", out.toString(),
                sysmonFile().toString())).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("timestamp,rule_id,rule_title,level");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("whoami-rule", "Whoami run", "medium", "pc1", "sysmon.ndjson,1");
    }

    @Test
    void huntWithoutRulesExplainsWhatToDo() throws IOException {
        assertThat(Main.run("hunt", "--no-builtin", authLog().toString())).isEqualTo(2);
    }

    @Test
    void rulesCheckReportsRejectedRulesWithExitStatusOne() throws IOException {
        Files.writeString(dir.resolve("good.yml"), WHOAMI_RULE);
        assertThat(Main.run("rules", "check", dir.toString())).isZero();
        Files.writeString(dir.resolve("bad.yml"), WHOAMI_RULE.replace("endswith", "nosuchmodifier"));
        assertThat(Main.run("rules", "check", "--format", "json", dir.toString())).isEqualTo(1);
    }
}
