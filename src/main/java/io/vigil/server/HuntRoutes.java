package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import io.vigil.detect.RuleCatalog;
import io.vigil.detect.RuleSet;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.web.Access;
import io.vigil.web.HttpError;
import io.vigil.web.Requests;
import io.vigil.web.RouteTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/hunt}: retro-hunt over stored history. Body: {@code from}, {@code to} (ISO-8601 or
 * {@code now-7d} style; default the last 24 hours), {@code catalog} (run the server's active rules; default
 * true), {@code rules} (extra Sigma files sent along: {@code [{"name": "x.yml", "yaml": "..."}]}), and
 * {@code rule_ids} (keep only these rules). Every stored event of the range is evaluated, oldest first,
 * paged through the store ({@link HistoryHunt}); the answer is NDJSON, one detection per line
 * ({@link HistoryHunt#json}), ending with {@code {"summary": {...}}}.
 */
final class HuntRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HistoryHunt hunt;
    private final RuleCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    HuntRoutes(HistoryHunt hunt, RuleCatalog catalog, AuditLog audit, Clock clock) {
        this.hunt = hunt;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    void register(RouteTable.Builder routes) {
        routes.post("/api/hunt", Access.role(Role.ANALYST), this::hunt);
    }

    private void hunt(Context ctx) throws IOException {
        ObjectNode body = Requests.jsonBody(ctx);
        RequestTimeRange range = RequestTimeRange.of(body, clock);
        long from = range.from();
        long to = range.to();
        List<RuleSet> sets = ruleSets(body);
        int ruleCount = sets.stream().mapToInt(s -> s.size() + s.correlations().size()).sum();
        if (ruleCount == 0) throw new HttpError(400, "no rules to run: send \"rules\", keep \"catalog\", or check \"rule_ids\"");
        ctx.status(200).contentType("application/x-ndjson");
        OutputStream out = ctx.outputStream();
        out.flush(); // sends the headers now: a hunt over a long range may find nothing for a while
        long[] detections = {0};
        long scanned = hunt.run(sets, from, to, d -> {
            detections[0]++;
            write(out, HistoryHunt.json(d));
        });
        ObjectNode summary = JSON.createObjectNode();
        summary.putObject("summary").put("scanned", scanned).put("detections", detections[0]).put("rules", ruleCount)
                .put("from", java.time.Instant.ofEpochMilli(from).toString()).put("to", java.time.Instant.ofEpochMilli(to).toString());
        write(out, summary);
        out.flush();
        audit.record(Requests.principal(ctx).user(), "hunt", "history", Map.of("from", Long.toString(from),
                "to", Long.toString(to), "events", Long.toString(scanned), "detections", Long.toString(detections[0])));
    }

    private List<RuleSet> ruleSets(ObjectNode body) {
        List<RuleSet> sets = new ArrayList<>();
        if (body.path("catalog").asBoolean(true)) sets.add(catalog.engine().rules());
        if (body.has("rules")) sets.add(posted(body.path("rules")));
        if (!body.has("rule_ids")) return sets;
        Set<String> wanted = new HashSet<>();
        body.path("rule_ids").forEach(id -> wanted.add(id.asText()));
        return sets.stream().map(s -> s.withDisabled(othersThan(s, wanted))).toList();
    }

    private static RuleSet posted(JsonNode files) {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (JsonNode f : files) texts.put(Path.of(f.path("name").asText("rule-" + texts.size() + ".yml")), f.path("yaml").asText(""));
        LoadedRules loaded = new RuleLoader().loadText(texts);
        RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
        if (!compiled.problems().isEmpty()) {
            var p = compiled.problems().getFirst();
            throw new HttpError(400, p.file() + ":" + p.line() + ": " + p.reason() + " (" + compiled.problems().size()
                    + " rule problem(s); `vigil rules check` lists them all)");
        }
        return compiled.ruleSet();
    }

    private static Set<String> othersThan(RuleSet set, Set<String> wanted) {
        Set<String> others = new HashSet<>();
        set.rules().forEach(r -> others.add(r.rule().id()));
        set.correlations().forEach(c -> others.add(c.id()));
        others.removeAll(wanted);
        return others;
    }

    private static void write(OutputStream out, JsonNode line) {
        try {
            out.write((line.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("hunt: the client went away", e);
        }
    }
}
