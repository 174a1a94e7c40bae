package io.vigil.ingest.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turns parsed bulk items into one {@link RawBatch} per target index (source "bulk"), submits them all,
 * waits until the journal says they are durable, and builds the Elasticsearch bulk response.
 *
 * <p>If every batch is rejected the whole request gets 429 with {@code Retry-After} (shippers retry it);
 * if nothing could be stored for another reason, 503. When only some indexes fail, the request gets 200
 * and those items carry 429/503 statuses, which shippers retry item by item, as with Elasticsearch.
 * Thread-safe (stateless apart from its collaborators).
 */
public final class BulkIngest {
    public static final String SOURCE = "bulk";

    private final IngestGateway gateway;
    private final Clock clock;
    private final Duration ackTimeout;

    public BulkIngest(IngestGateway gateway, Clock clock, Duration ackTimeout) {
        this.gateway = gateway;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    public BulkResponse ingest(List<BulkItem> items, String sourceAddress, long startNanos) {
        if (items.isEmpty()) {
            return BulkResponse.of(400, 0, BulkResponse.esError(400, "action_request_validation_exception",
                    "Validation Failed: 1: no requests added;"));
        }
        Map<String, BatchOutcome> outcomes = submitAndAwait(documentsByIndex(items), sourceAddress);
        List<BatchOutcome> all = List.copyOf(outcomes.values());
        if (!all.isEmpty() && all.stream().noneMatch(o -> o instanceof BatchOutcome.Durable)) {
            return wholeRequestFailure(all);
        }
        return answer(items, outcomes, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** {@code {"took", "errors", "items"}} written as it goes; items are 201 in order get consecutive _seq_no. */
    private static BulkResponse answer(List<BulkItem> items, Map<String, BatchOutcome> outcomes, long tookMillis) {
        int failed = 0;
        for (BulkItem item : items) {
            if (!BulkItemResults.succeeded(item, outcomes.get(item.index()))) failed++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + items.size() * 200);
        try (JsonGenerator g = BulkRequestParser.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("took", tookMillis);
            g.writeBooleanField("errors", failed > 0);
            g.writeArrayFieldStart("items");
            long seqNo = 0;
            for (BulkItem item : items) {
                BatchOutcome outcome = outcomes.get(item.index());
                BulkItemResults.write(g, item, outcome, seqNo);
                if (BulkItemResults.succeeded(item, outcome)) seqNo++;
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulk response", e);
        }
        return new BulkResponse(200, 0, out.toByteArray(), failed);
    }

    private static Map<String, List<byte[]>> documentsByIndex(List<BulkItem> items) {
        Map<String, List<byte[]>> byIndex = new LinkedHashMap<>();
        for (BulkItem item : items) {
            if (item instanceof BulkItem.Document doc) {
                byIndex.computeIfAbsent(doc.index(), k -> new ArrayList<>()).add(doc.source());
            }
        }
        return byIndex;
    }

    private Map<String, BatchOutcome> submitAndAwait(Map<String, List<byte[]>> byIndex, String sourceAddress) {
        long receivedAt = clock.millis();
        Map<String, CompletableFuture<Void>> pending = new LinkedHashMap<>();
        // submit everything first so the journal can commit the batches together, then wait
        byIndex.forEach((index, lines) -> pending.put(index,
                BatchOutcome.submit(gateway, new RawBatch(SOURCE, index, sourceAddress, receivedAt, lines))));
        Map<String, BatchOutcome> outcomes = new LinkedHashMap<>();
        pending.forEach((index, future) -> outcomes.put(index, BatchOutcome.await(future, ackTimeout)));
        return outcomes;
    }

    private static BulkResponse wholeRequestFailure(List<BatchOutcome> outcomes) {
        int retryAfter = 0;
        String reason = "";
        boolean allRejected = true;
        for (BatchOutcome outcome : outcomes) {
            switch (outcome) {
                case BatchOutcome.Rejected r -> {
                    retryAfter = Math.max(retryAfter, r.retryAfterSeconds());
                    reason = r.reason();
                }
                case BatchOutcome.Failed f -> {
                    allRejected = false;
                    reason = f.reason();
                }
                case BatchOutcome.Durable d -> throw new IllegalStateException("durable outcome in a failed request");
            }
        }
        if (allRejected) {
            return BulkResponse.of(429, retryAfter, BulkResponse.esError(429, "es_rejected_execution_exception", reason));
        }
        return BulkResponse.of(503, Math.max(retryAfter, 5),
                BulkResponse.esError(503, "unavailable_shards_exception", reason));
    }
}
