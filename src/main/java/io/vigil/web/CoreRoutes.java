package io.vigil.web;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Capability;
import io.vigil.access.Role;

/** Health and metrics; search is {@link SearchRoutes}. */
final class CoreRoutes {
    private final PrometheusMeterRegistry metrics;

    CoreRoutes(WebContext context) {
        this.metrics = context.metrics();
    }

    void addTo(RouteTable.Builder routes) {
        routes.get("/health", Access.PUBLIC, ctx -> Replies.json(ctx, 200, Replies.object().put("status", "ok")))
                .get("/metrics", Access.roleOr(Role.ADMIN, Capability.METRICS), this::metrics);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
