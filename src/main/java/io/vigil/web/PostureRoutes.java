package io.vigil.web;

import io.vigil.access.Role;
import io.vigil.web.posture.PostureAssessment;
import io.vigil.web.posture.PostureFacts;
import io.vigil.web.posture.PostureReport;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code GET /api/assess} (admin): the posture report as JSON, or HTML with {@code ?format=html}. The server's
 * wiring supplies the live facts: {@code new WebServer(context, security, PostureRoutes.table(factsSupplier, clock))}.
 */
public final class PostureRoutes {
    private PostureRoutes() {
    }

    public static RouteTable table(Supplier<PostureFacts> facts, Clock clock) {
        return RouteTable.builder().get("/api/assess", Access.role(Role.ADMIN), ctx -> {
            var checks = PostureAssessment.assess(facts.get(), clock.instant());
            if ("html".equals(ctx.queryParam("format"))) {
                ctx.contentType("text/html; charset=utf-8").result(PostureReport.html(checks, clock.instant()));
            } else {
                Replies.json(ctx, 200, PostureReport.json(checks, clock.instant()));
            }
        }).build();
    }
}
