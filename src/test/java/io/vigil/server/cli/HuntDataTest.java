package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil hunt} over the SigmaHQ regression events (evtx_dump JSON) with the SigmaHQ rules and the real parser. */
@Tag("data")
class HuntDataTest {

    @TempDir
    Path dir;

    @Test
    void everyRegressionRuleIsFoundInItsOwnFile() throws IOException {
        Path sigma = Path.of(System.getProperty("vigil.data", "../shared/data"), "sigma");
        Path base = sigma.resolve("regression");
        List<String> args = new ArrayList<>(List.of("hunt", "--no-builtin", "--format", "jsonl", "-o", dir.resolve("out.jsonl").toString()));
        try (Stream<Path> s = Files.list(sigma)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("rules")).sorted().toList()) {
                args.add("--rules");
                args.add(p.toString());
            }
        }
        List<String[]> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(base.resolve("INDEX.csv"));
        List<String> header = csv(lines.get(0));
        for (String row : lines.subList(1, lines.size())) {
            List<String> cells = csv(row);
            String json = base.resolve(cells.get(header.indexOf("json_path"))).toString();
            tests.add(new String[] {cells.get(header.indexOf("rule_id")), json});
            if (!args.contains(json)) args.add(json);
        }
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
        Set<String> found = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("out.jsonl"))) {
            JsonNode d = json.readTree(line);
            assertThat(d.has("timestamp") && d.has("host") && d.has("event") && d.has("tags")).as(line).isTrue();
            found.add(d.path("rule_id").asText() + " " + d.path("file").asText());
        }
        List<String> missed = tests.stream().filter(t -> !found.contains(t[0] + " " + t[1])).map(t -> t[0] + " " + t[1]).toList();
        System.out.println("hunt regression: " + tests.size() + " tests, " + missed.size() + " missed");
        missed.forEach(m -> System.out.println("  missed " + m));
        assertThat(tests).hasSizeGreaterThan(100);
        assertThat(missed).isEmpty();
    }

    /** The cells of one CSV line (double-quoted cells may hold commas). */
    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else cell.append(c);
        }
        cells.add(cell.toString());
        return cells;
    }
}
