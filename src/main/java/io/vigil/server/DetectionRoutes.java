package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import io.vigil.alert.Alert;
import io.vigil.alert.AlertQuery;
import io.vigil.alert.AlertRepository;
import io.vigil.alert.AlertStatus;
import io.vigil.alert.DisabledRules;
import io.vigil.detect.RuleCatalog;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.web.Access;
import io.vigil.web.HttpError;
import io.vigil.web.Requests;
import io.vigil.web.RouteTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes for alerts and rules: {@code /api/alerts}, {@code /api/rules}, a rule's file text
 * ({@code /api/rules/{id}/text}), trying a posted rule on stored events ({@code POST /api/rules/test}), and
 * retro-hunts over stored history ({@code POST /api/hunt}, {@link HuntRoutes}).
 */
final class DetectionRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AlertRepository alerts;
    private final RuleCatalog rules;
    private final DisabledRules disabled;
    private final AuditLog audit;
    private final RuleTrial trial;
    private final Clock clock;

    DetectionRoutes(AlertRepository alerts, RuleCatalog rules, DisabledRules disabled, AuditLog audit, RuleTrial trial,
                    Clock clock) {
        this.alerts = alerts;
        this.rules = rules;
        this.disabled = disabled;
        this.audit = audit;
        this.trial = trial;
        this.clock = clock;
    }

    void register(RouteTable.Builder routes) {
        routes.get("/api/alerts", Access.role(Role.VIEWER), this::list)
                .get("/api/alerts/{id}", Access.role(Role.VIEWER), this::one)
                .post("/api/alerts/{id}/ack", Access.role(Role.ANALYST), ctx -> status(ctx, AlertStatus.ACKNOWLEDGED))
                .post("/api/alerts/{id}/status", Access.role(Role.ANALYST), ctx -> status(ctx,
                        AlertStatus.parse(Requests.jsonBody(ctx).path("status").asText())))
                .get("/api/rules", Access.role(Role.VIEWER), this::listRules)
                .get("/api/rules/{id}/text", Access.role(Role.VIEWER), this::ruleText)
                .post("/api/rules/test", Access.role(Role.ANALYST), this::testRule)
                .post("/api/rules/{id}/enable", Access.role(Role.ANALYST), ctx -> enable(ctx, true))
                .post("/api/rules/{id}/disable", Access.role(Role.ANALYST), ctx -> enable(ctx, false));
        new HuntRoutes(new HistoryHunt(trial.store()), rules, audit, clock).register(routes);
    }

    private void list(Context ctx) {
        AlertQuery query;
        try {
            query = new AlertQuery(ctx.queryParam("rule"), ctx.queryParam("host"), blankToNull(ctx.queryParam("level")),
                    ctx.queryParam("status") == null ? null : AlertStatus.parse(ctx.queryParam("status")),
                    instant(ctx.queryParam("from")), instant(ctx.queryParam("to")),
                    ctx.queryParam("limit") == null ? 500 : Integer.parseInt(ctx.queryParam("limit")));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        ArrayNode out = JSON.createArrayNode();
        for (Alert a : alerts.find(query)) out.add(json(a));
        ObjectNode body = JSON.createObjectNode();
        body.set("alerts", out);
        Requests.reply(ctx, 200, body);
    }

    private void one(Context ctx) {
        Alert a = alerts.get(ctx.pathParam("id")).orElseThrow(() -> new HttpError(404, "no alert " + ctx.pathParam("id")));
        Requests.reply(ctx, 200, json(a));
    }

    private void status(Context ctx, AlertStatus status) {
        String id = ctx.pathParam("id");
        String user = Requests.principal(ctx).user();
        if (!alerts.setStatus(id, status, user)) throw new HttpError(404, "no alert " + id);
        audit.record(user, "alert.update", id, java.util.Map.of("status", status.wire()));
        Requests.reply(ctx, 200, json(alerts.get(id).orElseThrow()));
    }

    private void listRules(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("rules");
        // "active": the engine runs it (enabled and compiled); an enabled rule that failed to compile is not
        Set<String> active = rules.engine().rules().rules().stream().map(c -> c.rule().id()).collect(Collectors.toSet());
        rules.engine().rules().correlations().forEach(c -> active.add(c.id()));
        for (RuleCatalog.RuleInfo r : rules.rules()) {
            ObjectNode n = list.addObject().put("id", r.id()).put("title", r.title()).put("level", r.level())
                    .put("status", r.status()).put("kind", r.kind()).put("enabled", r.enabled())
                    .put("active", active.contains(r.id()))
                    .put("source", r.source().file() + ":" + r.source().line());
            r.tags().forEach(n.putArray("tags")::add);
            n.set("logsource", r.logsource() == null ? JSON.createObjectNode() : JSON.valueToTree(r.logsource()));
            r.falsepositives().forEach(n.putArray("falsepositives")::add);
        }
        ArrayNode problems = body.putArray("problems");
        for (RuleProblem p : rules.problems()) {
            problems.addObject().put("file", String.valueOf(p.file())).put("line", p.line()).put("reason", p.reason());
        }
        Requests.reply(ctx, 200, body);
    }

    /** The whole YAML file the rule was loaded from (a file may hold several documents). */
    private void ruleText(Context ctx) {
        String id = ctx.pathParam("id");
        RuleCatalog.RuleInfo rule = rules.rules().stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow(() -> new HttpError(404, "no rule with id " + id));
        String text;
        try {
            text = readRuleFile(rule.source().file());
        } catch (IOException e) {
            throw new HttpError(404, "the file of rule " + id + " can no longer be read (" + e.getMessage()
                    + "); it was loaded from " + rule.source().file());
        }
        Requests.reply(ctx, 200, JSON.createObjectNode().put("id", id).put("source", rule.source().file() + ":"
                + rule.source().line()).put("line", rule.source().line()).put("text", text));
    }

    /** A rule file from disk, or for Vigil's own pack, from the JAR. */
    private static String readRuleFile(java.nio.file.Path file) throws IOException {
        if (Files.isRegularFile(file)) return Files.readString(file, StandardCharsets.UTF_8);
        String name = file.toString().replace('\\', '/');
        int at = name.indexOf(io.vigil.detect.BuiltinRules.FOLDER);
        if (at >= 0) {
            try (var in = DetectionRoutes.class.getClassLoader().getResourceAsStream(name.substring(at))) {
                if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("not found");
    }

    /** {@code {"yaml", "from": "now-24h", "to": "now", "limit": 100}} → matching events and counts; 400 for a bad rule. */
    private void testRule(Context ctx) throws IOException {
        JsonNode body = Requests.jsonBody(ctx);
        String yaml = body.path("yaml").asText("");
        if (yaml.isBlank()) throw new HttpError(400, "post the rule's Sigma YAML as \"yaml\"");
        int limit = Math.clamp(body.path("limit").asInt(100), 0, 1000);
        RequestTimeRange range = RequestTimeRange.of(body, clock);
        long from = range.from();
        long to = range.to();
        RuleTrial.Outcome outcome;
        try {
            outcome = trial.run(yaml, from, to, limit);
        } catch (RuleTrial.InvalidRule e) {
            Requests.reply(ctx, 400, JSON.createObjectNode().put("error", "line " + e.line + ": " + e.getMessage())
                    .put("line", e.line).put("reason", e.getMessage()));
            return;
        }
        ObjectNode out = JSON.createObjectNode().put("matches", outcome.matches()).put("scanned", outcome.scanned())
                .put("complete", outcome.complete());
        ArrayNode events = out.putArray("events");
        for (RuleTrial.MatchedEvent e : outcome.events()) {
            events.addObject().put("_id", e.id()).put("@timestamp", Instant.ofEpochMilli(e.timestamp()).toString())
                    .put("host", e.host()).put("rule_title", e.ruleTitle());
        }
        Requests.reply(ctx, 200, out);
    }

    private void enable(Context ctx, boolean enabled) {
        String id = ctx.pathParam("id");
        try {
            rules.setEnabled(id, enabled);
        } catch (IllegalArgumentException e) {
            throw new HttpError(404, e.getMessage());
        }
        String user = Requests.principal(ctx).user();
        disabled.set(id, enabled, user);
        audit.record(user, "rule.change", id, java.util.Map.of("enabled", Boolean.toString(enabled)));
        Requests.reply(ctx, 200, JSON.createObjectNode().put("id", id).put("enabled", enabled));
    }

    static ObjectNode json(Alert a) {
        ObjectNode n = JSON.createObjectNode().put("id", a.id()).put("rule_id", a.ruleId()).put("rule_title", a.ruleTitle())
                .put("level", a.level()).put("host", a.host()).put("user", a.user())
                .put("time", a.eventTime().toString()).put("created", a.createdAt().toString())
                .put("status", a.status().wire());
        a.tags().forEach(n.putArray("tags")::add);
        a.eventIds().forEach(n.putArray("event_ids")::add);
        n.set("details", JSON.valueToTree(a.details()));
        return n;
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
