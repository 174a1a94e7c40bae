package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detect.BuiltinRules;
import io.vigil.detect.RuleSet;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.search.SearchException;
import io.vigil.search.TimeExpressions;
import io.vigil.server.HistoryHunt;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The retro-hunt half of {@code vigil hunt}: rules over stored history for a time range, on a running
 * server ({@code POST /api/hunt}, streamed) or offline on a data directory (the same {@link HistoryHunt}).
 * Every event of the range is evaluated, paged oldest first, so nothing is left out however many there are.
 */
final class StoredHunt {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to hunt with and where; {@code ruleIds} empty means every rule. */
    record Request(String from, String to, List<Path> ruleDirs, boolean noBuiltin, List<String> ruleIds) {}

    private StoredHunt() {}

    /** Hunts on the server at {@code target.url}; returns the exit code. */
    static int remote(RemoteOptions target, Request r, HuntOutput out) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("from", r.from()).put("to", r.to()).put("catalog", !r.noBuiltin());
        if (!r.ruleDirs().isEmpty()) {
            ArrayNode files = body.putArray("rules");
            for (Path f : ruleFiles(r.ruleDirs())) files.addObject().put("name", f.toString()).put("yaml", Files.readString(f));
        }
        if (!r.ruleIds().isEmpty()) r.ruleIds().forEach(body.putArray("rule_ids")::add);
        HttpResponse<Stream<String>> response = target.postLines("/api/hunt", body.toString().getBytes(StandardCharsets.UTF_8));
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                System.err.println("vigil hunt: the server answered " + response.statusCode() + ": " + String.join("\n", lines.toList()));
                return response.statusCode() == 400 ? 2 : 1;
            }
            boolean finished = false;
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                if (node.has("summary")) {
                    summary(node.get("summary"));
                    finished = true;
                } else {
                    out.writeStored(node);
                }
            }
            if (!finished) {
                System.err.println("vigil hunt: the answer ended before the hunt finished (server log has the reason)");
                return 1;
            }
        }
        return 0;
    }

    /** Hunts offline on a data directory (no server may be running on it); returns the exit code. */
    static int offline(Path data, Request r, HuntOutput out) throws Exception {
        long from, to;
        try {
            from = TimeExpressions.parse(r.from(), Clock.systemUTC());
            to = TimeExpressions.parseUpper(r.to(), Clock.systemUTC());
        } catch (SearchException e) {
            System.err.println("vigil hunt: " + e.getMessage());
            return 2;
        }
        if (from > to) {
            System.err.println("vigil hunt: --from is after --to");
            return 2;
        }
        RuleSet rules = localRules(r);
        int count = rules.size() + rules.correlations().size();
        if (count == 0) {
            System.err.println("vigil hunt: no rules to run; give --rules DIR, drop --no-builtin, or check --rule-id");
            return 2;
        }
        long[] detections = {0};
        long scanned;
        try (Vigil vigil = Vigil.open(VigilConfig.DEFAULTS, data)) {
            scanned = vigil.history().run(List.of(rules), from, to, d -> {
                detections[0]++;
                out.writeStored(HistoryHunt.json(d));
            });
        }
        summary(JSON.createObjectNode().put("scanned", scanned).put("detections", detections[0]).put("rules", count));
        return 0;
    }

    /** Vigil's built-in rules (unless --no-builtin) plus every --rules DIR, restricted to --rule-id when given. */
    static RuleSet localRules(Request r) {
        LoadedRules loaded = r.noBuiltin() ? new RuleLoader().load(List.of()) : BuiltinRules.load();
        if (!r.ruleDirs().isEmpty()) loaded = loaded.plus(new RuleLoader().load(r.ruleDirs()));
        RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
        if (!compiled.problems().isEmpty()) {
            System.err.printf("vigil hunt: %d rule(s) rejected (see `vigil rules check DIR`)%n", compiled.problems().size());
        }
        RuleSet set = compiled.ruleSet();
        if (r.ruleIds().isEmpty()) return set;
        Set<String> others = new HashSet<>();
        set.rules().forEach(c -> others.add(c.rule().id()));
        set.correlations().forEach(c -> others.add(c.id()));
        others.removeAll(r.ruleIds());
        return set.withDisabled(others);
    }

    private static List<Path> ruleFiles(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                out.add(root);
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static void summary(JsonNode s) {
        System.err.printf("hunted %d stored events with %d rules: %d detections%n", s.path("scanned").asLong(),
                s.path("rules").asLong(), s.path("detections").asLong());
    }
}
