package io.vigil.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import io.vigil.access.audit.AuditQuery;
import io.vigil.access.audit.AuditRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code GET /api/audit?user=&action=&from=&to=&limit=} for admins, newest first. Reading it is audited too. */
final class AuditRoutes {
    private final AuditLog audit;
    private final Authenticator authenticator;

    AuditRoutes(AuditLog audit, Authenticator authenticator) {
        this.audit = audit;
        this.authenticator = authenticator;
    }

    void addTo(RouteTable.Builder routes) {
        routes.get("/api/audit", Access.role(Role.ADMIN), this::search);
    }

    private void search(Context ctx) {
        AuditQuery query;
        try {
            String limit = ctx.queryParam("limit");
            query = new AuditQuery(blankToNull(ctx.queryParam("user")), blankToNull(ctx.queryParam("action")),
                    time(ctx, "from"), time(ctx, "to"), limit == null ? 1000 : Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("limit must be a whole number 1.." + AuditQuery.MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        ArrayNode records = Replies.JSON.createArrayNode();
        for (AuditRecord r : audit.search(query)) {
            ObjectNode node = records.addObject().put("seq", r.seq()).put("time", r.time().toString())
                    .put("actor", r.actor()).put("action", r.action()).put("target", r.target());
            ObjectNode details = node.putObject("details");
            r.details().forEach(details::put);
            node.put("hash", r.hash());
        }
        audit.record(authenticator.require(ctx).user(), "audit.search", "", java.util.Map.of("query",
                String.valueOf(ctx.queryString())));
        Replies.json(ctx, 200, Replies.object().put("count", records.size()).set("records", records));
    }

    private static Instant time(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant like 2026-03-01T10:00:00Z, got '"
                    + text + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
