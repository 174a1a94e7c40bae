package io.vigil.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.BuiltinRules;
import io.vigil.detect.Detection;
import io.vigil.detect.RetroHunt;
import io.vigil.detect.RuleSet;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.ingest.file.EventFileReader;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pack over the real logs in {@code -Dvigil.data} (OTRF Windows attack datasets, a Linux auth log with
 * brute force, an Apache access log), each file hunted on its own with the real parser. Prints a table per
 * rule: true positives (the dataset simulates what the rule detects: Raccine's reports of blocked shadow-copy
 * deletions, the OTRF LSASS dumps, PsExec and remote scheduled task, Cobalt Strike's service in APTSimulator,
 * the auth log's SSH brute force) and false alerts, listed.
 */
@Tag("data")
class PackDataTest {

    /** Which dataset (path fragment) simulates what a rule (title fragment) detects. */
    private static final Map<String, List<String>> EXPECTED_IN = Map.ofEntries(
            Map.entry("Shadow copies deleted", List.of("raccine", "aptsimulator")),
            Map.entry("backup catalog", List.of("raccine", "aptsimulator")),
            Map.entry("Boot recovery disabled", List.of("raccine", "aptsimulator")),
            Map.entry("LSASS memory", List.of("lsass_memory", "credential_access")),
            Map.entry("Remote execution service installed", List.of("psexec", "aptsimulator")),
            Map.entry("Scheduled task created on a remote host", List.of("schtask_create")),
            Map.entry("Raccine blocked", List.of("raccine")),
            Map.entry("SSH brute force", List.of("linux/auth.log")));

    @Test
    void packFalseAlertsOnRealLogsAreCountedAndListed() throws IOException {
        Path data = Path.of(System.getProperty("vigil.data", "../shared/data"));
        RuleSet pack = RuleSet.compile(BuiltinRules.load(), Map.of()).ruleSet();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data.resolve("windows/otrf"))) {
            s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                    .filter(p -> !p.toString().contains("_metadata")).sorted().forEach(files::add);
        }
        files.add(data.resolve("linux/auth.log"));
        files.add(data.resolve("web/apache_logs_combined.log"));

        Map<String, int[]> table = new TreeMap<>();
        List<String> falseAlerts = new ArrayList<>();
        List<String> truePositives = new ArrayList<>();
        long events = 0;
        for (Path file : files) {
            List<Event> parsed = parse(file);
            events += parsed.size();
            String where = data.relativize(file).toString();
            RetroHunt.run(pack, parsed.iterator(), CorrelationLimits.DEFAULT, d -> {
                boolean expected = expected(d, where);
                table.computeIfAbsent(d.ruleTitle(), k -> new int[2])[expected ? 0 : 1]++;
                (expected ? truePositives : falseAlerts).add(d.ruleTitle() + " | " + d.host() + " | " + where);
            });
        }
        System.out.printf("pack over %d real events in %d files%n", events, files.size());
        System.out.printf("%-80s %5s %5s%n", "rule", "true", "false");
        table.forEach((rule, n) -> System.out.printf("%-80s %5d %5d%n", rule, n[0], n[1]));
        System.out.println("true positives:");
        truePositives.stream().distinct().forEach(t -> System.out.println("  " + t));
        System.out.println("false alerts:");
        falseAlerts.forEach(f -> System.out.println("  " + f));

        assertThat(events).isGreaterThan(30_000);
        assertThat(truePositives).as("the raccine shadow-copy deletions are found").anyMatch(t -> t.contains("raccine"));
        // OTRF's authors cleared the logs before recording each dataset: real clearings, but no attack
        assertThat(falseAlerts).as("false alerts other than the datasets' own log clearing")
                .allMatch(f -> f.startsWith("Windows event log cleared |"));
    }

    private static boolean expected(Detection d, String where) {
        return EXPECTED_IN.entrySet().stream().anyMatch(e -> d.ruleTitle().contains(e.getKey())
                && e.getValue().stream().anyMatch(where::contains));
    }

    private static List<Event> parse(Path file) throws IOException {
        EventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        List<Event> out = new ArrayList<>();
        long position = 0;
        try (EventFileReader reader = new EventFileReader(file)) {
            for (byte[] raw; (raw = reader.next()) != null; ) {
                out.add(parser.parse(new RawBatch("data", "", "", 0L, List.of(raw)), position++).get(0).event());
            }
        }
        // correlations need time order; the datasets are not always sorted
        out.sort(java.util.Comparator.comparingLong(Event::timestamp));
        return out;
    }
}
