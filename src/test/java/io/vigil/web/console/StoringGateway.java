package io.vigil.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for journal → parse → store: each ingested JSON line becomes an event (dotted fields) in the
 * {@link MemoryEventStore} at once, so the browser tests can ingest over HTTP and then see the events.
 */
final class StoringGateway implements IngestGateway {
    private final MemoryEventStore store;
    private final AtomicLong ids = new AtomicLong();

    StoringGateway(MemoryEventStore store) {
        this.store = store;
    }

    @Override
    public CompletableFuture<Void> submit(RawBatch batch) {
        List<Event> events = new ArrayList<>();
        try {
            for (byte[] line : batch.lines()) {
                events.add(event(StandInSearch.JSON.readTree(line), batch.receivedAt()));
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        store.addAll(events);
        return CompletableFuture.completedFuture(null);
    }

    Event event(JsonNode json, long receivedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        flatten("", json, fields);
        Object ts = fields.get("@timestamp");
        long timestamp = ts == null ? receivedAt : Instant.parse(ts.toString()).toEpochMilli();
        fields.put("@timestamp", Instant.ofEpochMilli(timestamp).toString());
        return new Event(String.format("ev-%06d", ids.incrementAndGet()), timestamp, fields);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(v -> values.add(v.isNumber() ? (Object) v.numberValue() : v.asText()));
            out.put(prefix, values);
        } else if (node.isNumber()) {
            out.put(prefix, node.isIntegralNumber() ? (Object) node.asLong() : node.asDouble());
        } else if (node.isBoolean()) {
            out.put(prefix, node.asBoolean());
        } else {
            out.put(prefix, node.asText());
        }
    }
}
