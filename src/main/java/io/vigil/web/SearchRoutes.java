package io.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import io.vigil.search.RunningSearches;
import io.vigil.search.SearchException;
import io.vigil.search.SearchService;
import io.vigil.store.SearchCancelledException;
import java.util.Map;

/**
 * Search, and the control of running searches.
 * <ul>
 *   <li>{@code POST /api/search} (viewer): runs a search, audited with its query; callers below analyst get
 *       personal fields pseudonymised ({@link FieldMasking}). An optional {@code X-Vigil-Search-Id} header
 *       (1–64 of {@code [A-Za-z0-9_-]}) names it so that it can be cancelled. A cancelled search answers
 *       409 {@code {"error": "search cancelled", "status": 409}}.</li>
 *   <li>{@code DELETE /api/search/{id}} (viewer): cancels the caller's own running search {@code id}; an admin
 *       may cancel anyone's. 204, or 404 when no such search of the caller runs (someone else's is a 404 too).</li>
 *   <li>{@code GET /api/search/running} (admin): every running search with its user and query text.</li>
 * </ul>
 */
final class SearchRoutes {
    static final String SEARCH_ID_HEADER = "X-Vigil-Search-Id";
    private static final int MAX_AUDITED_QUERY_CHARS = 2000;

    private final SearchService search;
    private final RunningSearches running;
    private final long maxJsonBytes;
    private final WebSecurity security;
    private final Authenticator authenticator;

    SearchRoutes(WebContext context, WebSecurity security, Authenticator authenticator) {
        this.search = context.search();
        this.running = context.search().running();
        this.maxJsonBytes = context.limits().maxJsonBytes();
        this.security = security;
        this.authenticator = authenticator;
    }

    void addTo(RouteTable.Builder routes) {
        routes.post("/api/search", Access.role(Role.VIEWER), this::search)
                .get("/api/search/running", Access.role(Role.ADMIN), this::listRunning)
                .delete("/api/search/{id}", Access.role(Role.VIEWER), this::cancel);
    }

    private void search(Context ctx) {
        Principal caller = authenticator.require(ctx);
        ObjectNode body = Replies.readObject(ctx, maxJsonBytes);
        String query = body.path("query").asText("");
        audit().record(caller.user(), "search", "", Map.of("query", shortened(query),
                "from", body.path("from").asText(""), "to", body.path("to").asText("")));
        try (RunningSearches.Ticket ticket = running.start(caller.user(), ctx.header(SEARCH_ID_HEADER), query)) {
            JsonNode answer = search.search(body, ticket);
            Replies.json(ctx, 200, security.masking().forCaller(caller, body, answer));
        } catch (SearchException e) {
            Replies.json(ctx, 400, Replies.object().put("error", e.getMessage()).put("position", e.position())
                    .put("status", 400));
        } catch (SearchCancelledException e) {
            Replies.error(ctx, 409, "search cancelled");
        }
    }

    private void cancel(Context ctx) {
        Principal caller = authenticator.require(ctx);
        String id = ctx.pathParam("id");
        if (!running.cancel(id, caller.user(), caller.role().allows(Role.ADMIN))) {
            throw new HttpError(404, "no running search of yours has id " + id + " (it may have finished)");
        }
        audit().record(caller.user(), "search.cancel", id, Map.of());
        ctx.status(204);
    }

    private void listRunning(Context ctx) {
        authenticator.require(ctx);
        ArrayNode searches = Replies.JSON.createArrayNode();
        for (RunningSearches.Snapshot s : running.list()) {
            searches.addObject().put("id", s.id()).put("user", s.user()).put("query", s.query())
                    .put("started", s.started().toString()).put("elapsed_ms", s.elapsedMillis())
                    .put("cancelled", s.cancelled());
        }
        ObjectNode reply = Replies.object();
        reply.set("searches", searches);
        Replies.json(ctx, 200, reply);
    }

    private AuditLog audit() {
        return security.audit();
    }

    private static String shortened(String query) {
        return query.length() > MAX_AUDITED_QUERY_CHARS ? query.substring(0, MAX_AUDITED_QUERY_CHARS) + "…" : query;
    }
}
