package io.vigil.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.access.Role;
import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import io.vigil.ingest.bulk.BatchOutcome;
import io.vigil.ingest.bulk.BulkIngest;
import io.vigil.ingest.bulk.BulkItem;
import io.vigil.ingest.bulk.BulkRequestParser;
import io.vigil.ingest.bulk.BulkResponse;
import io.vigil.ingest.bulk.EventsBodyParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * The ingest routes: Elasticsearch {@code _bulk} (POST/PUT, with or without an index in the path) and
 * {@code POST /api/events}. Both answer only after the journal acknowledged the batch.
 */
final class IngestRoutes {
    private static final Access INGEST = Access.role(Role.INGEST);

    private final IngestGateway gateway;
    private final BulkIngest bulk;
    private final BulkRequestParser parser = BulkRequestParser.withRandomIds();
    private final WebLimits limits;
    private final Clock clock;
    private final MeterRegistry metrics;

    IngestRoutes(WebContext context) {
        this.gateway = context.gateway();
        this.limits = context.limits();
        this.clock = context.clock();
        this.metrics = context.metrics();
        this.bulk = new BulkIngest(gateway, clock, limits.ingestAckTimeout());
    }

    void addTo(RouteTable.Builder routes) {
        routes.post("/_bulk", INGEST, this::bulk)
                .put("/_bulk", INGEST, this::bulk)
                .post("/{index}/_bulk", INGEST, this::bulk)
                .put("/{index}/_bulk", INGEST, this::bulk)
                .post("/api/events", INGEST, this::events);
    }

    private void bulk(Context ctx) throws IOException {
        long start = System.nanoTime();
        List<BulkItem> items;
        try (InputStream body = RequestBodies.open(ctx, limits.maxBulkBytes())) {
            items = parser.parse(body, ctx.pathParamMap().get("index"));
        }
        BulkResponse response = bulk.ingest(items, ctx.ip(), start);
        count(items, response);
        if (response.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Integer.toString(response.retryAfterSeconds()));
        }
        EsCompatRoutes.markElasticsearch(ctx);
        ctx.status(response.httpStatus()).contentType("application/json").result(response.json());
    }

    private void count(List<BulkItem> items, BulkResponse response) {
        if (response.httpStatus() != 200) {
            metrics.counter("vigil.ingest.bulk.requests.refused", "status", Integer.toString(response.httpStatus())).increment();
            return;
        }
        metrics.counter("vigil.ingest.bulk.items", "result", "created").increment(items.size() - response.failedItems());
        metrics.counter("vigil.ingest.bulk.items", "result", "error").increment(response.failedItems());
    }

    private void events(Context ctx) {
        EventsBodyParser.Parsed parsed;
        try {
            parsed = EventsBodyParser.parse(RequestBodies.readAll(ctx, limits.maxBulkBytes()));
        } catch (EventsBodyParser.MalformedBodyException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        if (parsed.lines().isEmpty()) {
            throw HttpError.badRequest("no events: send a JSON array of objects or one JSON object per line");
        }
        String index = ctx.queryParam("index");
        RawBatch batch = new RawBatch("http", index, ctx.ip(), clock.millis(), parsed.lines());
        switch (BatchOutcome.await(BatchOutcome.submit(gateway, batch), limits.ingestAckTimeout())) {
            case BatchOutcome.Rejected r -> {
                ctx.header("Retry-After", Integer.toString(r.retryAfterSeconds()));
                throw new HttpError(429, "Vigil cannot accept events now (" + r.reason() + "); retry after "
                        + r.retryAfterSeconds() + " s");
            }
            case BatchOutcome.Failed f -> {
                ctx.header("Retry-After", "5");
                throw new HttpError(503, f.reason());
            }
            case BatchOutcome.Durable d -> Replies.json(ctx, 200, accepted(parsed));
        }
    }

    private static ObjectNode accepted(EventsBodyParser.Parsed parsed) {
        ObjectNode reply = Replies.object().put("accepted", parsed.lines().size());
        ArrayNode errors = reply.putArray("errors");
        for (EventsBodyParser.Problem problem : parsed.problems()) {
            errors.addObject().put(problem.where(), problem.position()).put("error", problem.reason());
        }
        return reply;
    }
}
