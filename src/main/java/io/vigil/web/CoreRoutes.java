package io.vigil.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Capability;
import io.vigil.access.Role;
import io.vigil.search.SearchException;
import io.vigil.search.SearchService;

/** Health, search and metrics. */
final class CoreRoutes {
    private final SearchService search;
    private final PrometheusMeterRegistry metrics;
    private final long maxJsonBytes;

    CoreRoutes(SearchService search, PrometheusMeterRegistry metrics, long maxJsonBytes) {
        this.search = search;
        this.metrics = metrics;
        this.maxJsonBytes = maxJsonBytes;
    }

    void addTo(RouteTable.Builder routes) {
        routes.get("/health", Access.PUBLIC, ctx -> Replies.json(ctx, 200, Replies.object().put("status", "ok")))
                .post("/api/search", Access.role(Role.VIEWER), this::search)
                .get("/metrics", Access.roleOr(Role.ADMIN, Capability.METRICS), this::metrics);
    }

    private void search(Context ctx) {
        ObjectNode body = Replies.readObject(ctx, maxJsonBytes);
        try {
            Replies.json(ctx, 200, search.search(body));
        } catch (SearchException e) {
            Replies.json(ctx, 400, Replies.object().put("error", e.getMessage()).put("position", e.position())
                    .put("status", 400));
        }
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
