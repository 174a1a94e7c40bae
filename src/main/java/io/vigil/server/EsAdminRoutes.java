package io.vigil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;
import io.vigil.pipeline.Pipeline;
import io.vigil.store.EventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.StoreQuery;
import io.vigil.web.Access;
import io.vigil.web.HttpError;
import io.vigil.web.Requests;
import io.vigil.web.RouteTable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Elasticsearch index-administration calls shippers and tools send after bulk loads: {@code _refresh}
 * (searchable now), {@code _flush} (durable in the store, journal released), {@code _count} and
 * {@code _cat/indices/{index}}. Vigil's indexes are labels ({@code vigil.index}) on events kept in day
 * partitions, so a single index's store size is apportioned by its share of the events.
 */
final class EsAdminRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pipeline pipeline;
    private final EventStore store;

    EsAdminRoutes(Pipeline pipeline, EventStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    void register(RouteTable.Builder routes) {
        Access ingest = Access.role(Role.INGEST);
        routes.post("/_refresh", ingest, ctx -> flush(ctx, false))
                .post("/{index}/_refresh", ingest, ctx -> flush(ctx, false))
                .post("/_flush", ingest, ctx -> flush(ctx, true))
                .post("/{index}/_flush", ingest, ctx -> flush(ctx, true))
                .get("/{index}/_count", Access.role(Role.VIEWER), this::count)
                .post("/{index}/_count", Access.role(Role.VIEWER), this::count)
                .get("/_cat/indices/{index}", Access.role(Role.VIEWER), this::catIndex);
    }

    private void flush(Context ctx, boolean commit) throws InterruptedException {
        try {
            pipeline.flush(commit).get(5, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new HttpError(503, "could not " + (commit ? "flush" : "refresh") + ": " + e.getMessage());
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("_shards").put("total", 1).put("successful", 1).put("failed", 0);
        Requests.reply(ctx, 200, body);
    }

    private long countOf(String index) throws IOException {
        StoreQuery q = index.equals("_all") || index.equals("*") ? StoreQuery.all() : new StoreQuery.Term("vigil.index", index);
        return store.search(SearchRequest.of(q, 0, Long.MAX_VALUE, 0)).total();
    }

    private void count(Context ctx) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("count", countOf(ctx.pathParam("index")));
        body.putObject("_shards").put("total", 1).put("successful", 1).put("failed", 0);
        Requests.reply(ctx, 200, body);
    }

    private void catIndex(Context ctx) throws IOException {
        String index = ctx.pathParam("index");
        long docs = countOf(index);
        List<EventStore.PartitionStats> stats = store.stats();
        long allDocs = stats.stream().mapToLong(EventStore.PartitionStats::events).sum();
        long allBytes = stats.stream().mapToLong(EventStore.PartitionStats::bytes).sum();
        long bytes = allDocs == 0 ? 0 : Math.round((double) allBytes * docs / allDocs);
        ArrayNode out = JSON.createArrayNode();
        out.addObject().put("health", "green").put("status", "open").put("index", index)
                .put("docs.count", Long.toString(docs)).put("store.size", Long.toString(bytes))
                .put("pri.store.size", Long.toString(bytes));
        Requests.reply(ctx, 200, out);
    }
}
