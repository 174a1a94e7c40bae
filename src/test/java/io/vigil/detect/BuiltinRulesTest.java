package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Vigil's own rule pack: the index lists the folder, every rule compiles, and the rules fire on parsed logs. */
class BuiltinRulesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-27T14:00:00Z"), ZoneOffset.UTC);

    @Test
    void indexListsExactlyTheRuleFilesOfTheFolder() throws IOException {
        Path folder = Path.of("src/main/resources/rules");
        List<String> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(BuiltinRules.index()).as("src/main/resources/rules/INDEX").containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyBuiltinRuleCompiles() {
        LoadedRules loaded = BuiltinRules.load();
        RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
        assertThat(compiled.problems()).isEmpty();
        assertThat(compiled.ruleSet().size()).isEqualTo(loaded.rules().size()).isPositive();
        assertThat(compiled.ruleSet().correlationSet().correlations()).hasSize(loaded.correlations().size());
    }

    @Test
    void sshBruteForceFiresOnParsedAuthLogLinesFromOneAddress() {
        RuleSet rules = RuleSet.compile(BuiltinRules.load(), Map.of()).ruleSet();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String from = i % 4 == 3 ? "10.9.9.9" : "203.0.113.7";
            events.add(parse(i, "Mar 27 13:06:%02d web1 sshd[1291]: Failed password for root from %s port 4%03d ssh2"
                    .formatted(10 + i, from, i)));
        }
        events.add(parse(99, "Mar 27 13:06:40 web1 sudo:   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls"));
        List<Detection> found = new Detector(rules).detect(events);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.ruleTitle()).isEqualTo("SSH brute force from one address");
            assertThat(d.correlation().group()).containsEntry("source.ip", "203.0.113.7");
            assertThat(d.eventIds()).hasSize(10);
            assertThat(d.host()).isEqualTo("web1");
        });
    }

    static Event parse(int n, String line) {
        RawBatch batch = new RawBatch("test", "", "", CLOCK.millis(), List.of(line.getBytes(StandardCharsets.UTF_8)));
        return DefaultEventParser.standard(ParserConfig.DEFAULT, CLOCK).parse(batch, n).get(0).event();
    }
}
