package io.vigil.web.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;
import io.vigil.web.Access;
import io.vigil.web.RouteTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alerts, rules, sources, incidents, users and audit APIs in the shapes documented in console/API.md,
 * answered from fixed data (with XSS payloads in every text field) until the real stages exist. Lets the
 * browser tests drive every console page.
 */
final class FakeStageRoutes {
    private final Map<String, String> alertStatus = new ConcurrentHashMap<>(Map.of("a-1", "new", "a-2", "new"));
    private final Map<String, Boolean> ruleEnabled = new ConcurrentHashMap<>(Map.of("r-1", true, "r-2", false));
    private final String payload;
    private final long now = System.currentTimeMillis();

    FakeStageRoutes(String payload) {
        this.payload = payload;
    }

    RouteTable routes() {
        Access viewer = Access.role(Role.VIEWER);
        Access analyst = Access.role(Role.ANALYST);
        Access admin = Access.role(Role.ADMIN);
        return RouteTable.builder()
                .get("/api/alerts", viewer, this::alerts)
                .post("/api/alerts/{id}/ack", analyst, ctx -> {
                    alertStatus.put(ctx.pathParam("id"), "acknowledged");
                    json(ctx, obj().put("ok", true));
                })
                .get("/api/rules", viewer, this::rules)
                .post("/api/rules/{id}/enable", analyst, ctx -> toggle(ctx, true))
                .post("/api/rules/{id}/disable", analyst, ctx -> toggle(ctx, false))
                .get("/api/sources", viewer, this::sources)
                .get("/api/incidents", viewer, ctx -> {
                    ObjectNode body = obj();
                    body.putArray("incidents").add(incident());
                    json(ctx, body);
                })
                .get("/api/incidents/{id}", viewer, ctx -> json(ctx, incident()))
                .get("/api/users", admin, ctx -> {
                    ObjectNode body = obj();
                    body.putArray("users").addObject().put("name", "admin").put("role", "admin").put("created_at", time(0));
                    json(ctx, body);
                })
                .get("/api/audit", admin, ctx -> {
                    ObjectNode body = obj();
                    body.putArray("entries").addObject().put("time", time(5)).put("user", "admin").put("action", "login")
                            .put("target", payload).put("result", "ok");
                    json(ctx, body);
                })
                .build();
    }

    private void alerts(Context ctx) {
        ObjectNode body = obj();
        ArrayNode alerts = body.putArray("alerts");
        for (String id : List.of("a-1", "a-2")) {
            ObjectNode a = alerts.addObject().put("id", id).put("rule_id", "r-1").put("rule_title", "Brute force " + payload)
                    .put("level", id.equals("a-1") ? "high" : "critical").put("host", payload).put("time", time(10))
                    .put("status", alertStatus.get(id));
            a.putArray("tags").add("attack.credential_access").add(payload);
            a.putArray("event_ids").add("ev-000401");
        }
        json(ctx, body);
    }

    private void rules(Context ctx) {
        ObjectNode body = obj();
        ArrayNode rules = body.putArray("rules");
        rule(rules.addObject(), "r-1", "Brute force logons " + payload, "high", "attack.credential_access", "attack.t1110");
        rule(rules.addObject(), "r-2", "Encoded PowerShell", "medium", "attack.execution", "attack.t1059.001");
        body.putArray("problems").addObject().put("file", "rules/broken<script>alert(1)</script>.yml").put("line", 7)
                .put("reason", "condition refers to unknown selection " + payload);
        json(ctx, body);
    }

    private void rule(ObjectNode r, String id, String title, String level, String... tags) {
        r.put("id", id).put("title", title).put("level", level).put("enabled", ruleEnabled.get(id))
                .put("source", "title: " + title + "\ndetection:\n  sel:\n    message: '" + payload + "'\n  condition: sel\n");
        ArrayNode t = r.putArray("tags");
        for (String tag : tags) {
            t.add(tag);
        }
        r.putObject("logsource").put("product", "windows");
    }

    private void toggle(Context ctx, boolean enabled) {
        ruleEnabled.put(ctx.pathParam("id"), enabled);
        json(ctx, obj().put("ok", true));
    }

    private void sources(Context ctx) {
        ObjectNode body = obj();
        ArrayNode sources = body.putArray("sources");
        sources.addObject().put("name", "syslog-tcp").put("events_per_s", 1250.5).put("bytes_per_s", 412000)
                .put("parse_failures", 3).put("last_event", time(0)).put("silent", false);
        sources.addObject().put("name", payload).put("events_per_s", 0).put("bytes_per_s", 0)
                .put("parse_failures", 0).put("last_event", time(7200)).put("silent", true);
        json(ctx, body);
    }

    private ObjectNode incident() {
        ObjectNode i = obj().put("id", "inc-1").put("title", "Possible credential stuffing " + payload)
                .put("status", "investigating").put("severity", "high").put("created_at", time(3600)).put("assignee", "analyst");
        i.putArray("alert_ids").add("a-1");
        i.putArray("event_ids").add("ev-000401");
        i.putArray("alerts").addObject().put("id", "a-1").put("level", "high").put("rule_title", "Brute force").put("host", payload);
        ArrayNode timeline = i.putArray("timeline");
        timeline.addObject().put("time", time(3600)).put("type", "opened").put("text", "Incident opened from alert a-1");
        timeline.addObject().put("time", time(1800)).put("type", "comment").put("text", payload).put("user", "analyst");
        i.putArray("comments").addObject().put("time", time(1800)).put("user", "analyst").put("text", payload);
        return i;
    }

    private String time(long secondsAgo) {
        return Instant.ofEpochMilli(now - secondsAgo * 1000).toString();
    }

    private static ObjectNode obj() {
        return StandInSearch.JSON.createObjectNode();
    }

    private static void json(Context ctx, ObjectNode body) {
        ctx.contentType("application/json").result(body.toString());
    }
}
