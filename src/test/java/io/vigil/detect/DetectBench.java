package io.vigil.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): events/s over the OTRF Windows events with the full SigmaHQ windows ruleset,
 * indexed ({@link RuleSet#evaluate}) vs naive ({@link RuleSet#evaluateEveryRule}).
 * Run: {@code java -cp target/classes:target/test-classes:<deps> io.vigil.detect.DetectBench /work/shared/data}.
 * The event conversion is a rough stand-in for the real normalizer (flat OTRF shapes and Winlogbeat).
 */
public final class DetectBench {

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        RuleSet rules = RuleSet.compile(new RuleLoader().load(List.of(data.resolve("sigma/rules/windows"))), Map.of()).ruleSet();
        List<Event> events = otrfEvents(data.resolve("windows/otrf/windows"));
        System.out.printf("%d windows rules, %d events%n", rules.size(), events.size());
        for (int round = 0; round < 3; round++) {
            measure("indexed", events, rules::evaluate);
            measure("naive  ", events, rules::evaluateEveryRule);
        }
    }

    private static void measure(String name, List<Event> events, Function<Event, List<Match>> f) {
        long start = System.nanoTime();
        long matches = 0;
        for (Event e : events) matches += f.apply(e).size();
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,.0f events/s (%d matches, %.2f s)%n", name, events.size() / s, matches, s);
    }

    static List<Event> otrfEvents(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Event> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            try (MappingIterator<JsonNode> it = json.readerFor(JsonNode.class).readValues(f.toFile())) {
                while (it.hasNext()) out.add(flatten(it.next(), f.getFileName() + "#" + out.size()));
            } catch (IOException | RuntimeException e) {
                System.err.println("skipped " + f + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Event flatten(JsonNode n, String id) {
        Map<String, Object> f = new LinkedHashMap<>();
        JsonNode winlog = n.path("winlog");
        String channel = winlog.isObject() ? winlog.path("channel").asText() : n.path("Channel").asText(n.path("channel").asText());
        String eventId = winlog.isObject() ? winlog.path("event_id").asText() : n.path("EventID").asText();
        f.put("winlog.channel", channel);
        f.put("winlog.event_id", eventId);
        JsonNode data = winlog.isObject() ? winlog.path("event_data") : n;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) f.put("winlog.event_data." + e.getKey(), e.getValue().asText());
        }
        return new Event(id, 0L, f);
    }
}
