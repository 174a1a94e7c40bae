package io.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Capability;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import io.vigil.search.SearchException;
import io.vigil.search.SearchService;
import java.util.Map;

/**
 * Health, search and metrics. Every search is audited with its query; callers below analyst (viewers) get
 * personal fields pseudonymised ({@link FieldMasking}).
 */
final class CoreRoutes {
    private static final int MAX_AUDITED_QUERY_CHARS = 2000;

    private final SearchService search;
    private final PrometheusMeterRegistry metrics;
    private final long maxJsonBytes;
    private final WebSecurity security;
    private final Authenticator authenticator;

    CoreRoutes(WebContext context, WebSecurity security, Authenticator authenticator) {
        this.search = context.search();
        this.metrics = context.metrics();
        this.maxJsonBytes = context.limits().maxJsonBytes();
        this.security = security;
        this.authenticator = authenticator;
    }

    void addTo(RouteTable.Builder routes) {
        routes.get("/health", Access.PUBLIC, ctx -> Replies.json(ctx, 200, Replies.object().put("status", "ok")))
                .post("/api/search", Access.role(Role.VIEWER), this::search)
                .get("/metrics", Access.roleOr(Role.ADMIN, Capability.METRICS), this::metrics);
    }

    private void search(Context ctx) {
        Principal caller = authenticator.require(ctx);
        ObjectNode body = Replies.readObject(ctx, maxJsonBytes);
        String query = body.path("query").asText("");
        security.audit().record(caller.user(), "search", "", Map.of("query",
                query.length() > MAX_AUDITED_QUERY_CHARS ? query.substring(0, MAX_AUDITED_QUERY_CHARS) + "…" : query,
                "from", body.path("from").asText(""), "to", body.path("to").asText("")));
        try {
            JsonNode answer = search.search(body);
            Replies.json(ctx, 200, security.masking().forCaller(caller, body, answer));
        } catch (SearchException e) {
            Replies.json(ctx, 400, Replies.object().put("error", e.getMessage()).put("position", e.position())
                    .put("status", 400));
        }
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
