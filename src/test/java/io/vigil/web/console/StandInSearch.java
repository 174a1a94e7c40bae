package io.vigil.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.event.Event;
import io.vigil.store.Aggregation;
import io.vigil.store.AggregationResult;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import io.vigil.store.StoreQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code POST /api/search} for the browser tests while the real SearchService is not merged yet
 * (it answers 501 until then; {@link ConsoleTestServer} uses this only in that case). A deliberately small
 * subset of the search language: words, "phrases", field:value, _exists_:field, _id:x, AND/OR/NOT, -x,
 * parentheses, backslash escapes, * wildcards; syntax errors carry the offending position like the real one.
 */
final class StandInSearch {
    static final ObjectMapper JSON = new ObjectMapper();

    record Failure(String message, int position) {}

    private final MemoryEventStore store;

    StandInSearch(MemoryEventStore store) {
        this.store = store;
    }

    /** @return [status, body] */
    Object[] answer(byte[] requestBody) throws java.io.IOException {
        JsonNode body = JSON.readTree(requestBody);
        StoreQuery query;
        try {
            query = new StandInQueryParser(body.path("query").asText("")).parse();
        } catch (StandInQueryParser.Invalid e) {
            return new Object[] {400, JSON.createObjectNode().put("error", e.getMessage()).put("position", e.position).put("status", 400)};
        }
        long now = System.currentTimeMillis();
        long from = body.path("from").isNumber() ? body.get("from").asLong() : now - 86_400_000L;
        long to = body.path("to").isNumber() ? body.get("to").asLong() : now;
        List<Object> after = new ArrayList<>();
        body.path("search_after").forEach(v -> after.add(v.isNumber() ? (Object) v.asLong() : v.asText()));
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        body.path("aggs").properties().forEach(e -> aggs.put(e.getKey(), aggregation(e.getValue())));
        SearchResult result = store.search(new SearchRequest(query, from, to, body.path("size").asInt(50), List.of(), after, aggs));
        return new Object[] {200, write(result)};
    }

    private static Aggregation aggregation(JsonNode spec) {
        if (spec.has("terms")) {
            return new Aggregation.Terms(spec.get("terms").get("field").asText(), spec.get("terms").path("size").asInt(10));
        }
        if (spec.has("date_histogram")) {
            String interval = spec.get("date_histogram").get("fixed_interval").asText();
            long amount = Long.parseLong(interval.replaceAll("\\D", ""));
            long unit = switch (interval.replaceAll("\\d", "")) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return new Aggregation.DateHistogram("@timestamp", amount * unit);
        }
        return new Aggregation.Cardinality(spec.path("cardinality").path("field").asText());
    }

    private static ObjectNode write(SearchResult result) {
        ObjectNode out = JSON.createObjectNode().put("total", result.total());
        ArrayNode hits = out.putArray("hits");
        for (SearchResult.Hit hit : result.hits()) {
            Event e = hit.event();
            ObjectNode node = hits.addObject().put("_id", e.id()).put("@timestamp", Instant.ofEpochMilli(e.timestamp()).toString());
            node.set("_source", nested(e.fields()));
            ArrayNode sort = node.putArray("sort");
            sort.add((Long) hit.sortValues().get(0)).add(hit.sortValues().get(1).toString());
        }
        ObjectNode aggs = out.putObject("aggs");
        result.aggs().forEach((name, agg) -> {
            ObjectNode node = aggs.putObject(name);
            switch (agg) {
                case AggregationResult.Terms t -> t.buckets().forEach(b ->
                        node.withArray("buckets").addObject().put("key", b.key()).put("doc_count", b.count()));
                case AggregationResult.DateHistogram d -> {
                    ArrayNode buckets = node.putArray("buckets");
                    d.buckets().forEach(b -> buckets.addObject().put("key", b.start())
                            .put("key_as_string", Instant.ofEpochMilli(b.start()).toString()).put("doc_count", b.count()));
                }
                case AggregationResult.Cardinality c -> node.put("value", c.value());
                case AggregationResult.Stats s -> node.put("count", s.count());
            }
        });
        return out.put("took_ms", result.tookMillis());
    }

    /** Flat dotted keys to nested objects; a key that is both a leaf and a prefix keeps its dotted form. */
    static ObjectNode nested(Map<String, Object> fields) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            String[] parts = entry.getKey().split("\\.");
            ObjectNode at = root;
            boolean clash = false;
            for (int i = 0; i < parts.length - 1 && !clash; i++) {
                JsonNode next = at.get(parts[i]);
                if (next == null) {
                    next = at.putObject(parts[i]);
                }
                if (!next.isObject()) {
                    clash = true;
                } else {
                    at = (ObjectNode) next;
                }
            }
            if (clash) {
                root.set(entry.getKey(), JSON.valueToTree(entry.getValue()));
            } else {
                at.set(parts[parts.length - 1], JSON.valueToTree(entry.getValue()));
            }
        }
        return root;
    }
}
