package io.vigil.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.event.EcsFields;
import io.vigil.event.Event;
import io.vigil.event.EventJson;
import io.vigil.store.AggregationResult;
import io.vigil.store.SearchResult;
import java.time.Instant;
import java.util.Map;

/**
 * Renders a {@link SearchResult} as the search API response:
 * <pre>
 * {"total": 1234,
 *  "hits": [{"_id": "...", "@timestamp": "2026-11-29T10:00:00Z", "_source": {nested ECS}, "sort": [...]}],
 *  "aggs": {"by_host": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 7, "buckets": [{"key", "doc_count"}]},
 *           "per_hour": {"buckets": [{"key": 1796032800000, "key_as_string": "2026-11-30T10:00:00Z", "doc_count": 3}]},
 *           "users": {"value": 42},
 *           "bytes": {"count": 3, "min": 1.0, "max": 9.0, "avg": 4.0, "sum": 12.0}},
 *  "took_ms": 5}
 * </pre>
 * Aggregation results follow Elasticsearch's shapes so existing tooling can read them; stats of no values give
 * null min/max/avg, as Elasticsearch does. Stateless.
 */
final class SearchResponseWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SearchResponseWriter() {}

    static ObjectNode write(SearchResult result, long tookMillis) {
        ObjectNode response = NODES.objectNode();
        response.put("total", result.total());
        ArrayNode hits = response.putArray("hits");
        for (SearchResult.Hit hit : result.hits()) hits.add(hit(hit));
        ObjectNode aggs = response.putObject("aggs");
        for (Map.Entry<String, AggregationResult> e : result.aggs().entrySet()) aggs.set(e.getKey(), aggregation(e.getValue()));
        response.put("took_ms", tookMillis);
        return response;
    }

    private static ObjectNode hit(SearchResult.Hit hit) {
        Event event = hit.event();
        ObjectNode node = NODES.objectNode();
        node.put("_id", event.id());
        node.put(EcsFields.TIMESTAMP, Instant.ofEpochMilli(event.timestamp()).toString());
        node.set("_source", EventJson.toNested(event.fields()));
        ArrayNode sort = node.putArray("sort");
        for (Object value : hit.sortValues()) sort.add(scalar(value));
        return node;
    }

    private static JsonNode scalar(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Long l -> NODES.numberNode(l);
            case Integer i -> NODES.numberNode(i.longValue());
            case Double d -> NODES.numberNode(d);
            case Float f -> NODES.numberNode(f.doubleValue());
            case Boolean b -> NODES.booleanNode(b);
            default -> NODES.textNode(value.toString());
        };
    }

    private static ObjectNode aggregation(AggregationResult result) {
        ObjectNode node = NODES.objectNode();
        switch (result) {
            case AggregationResult.Terms terms -> {
                node.put("doc_count_error_upper_bound", 0);
                node.put("sum_other_doc_count", terms.otherCount());
                ArrayNode buckets = node.putArray("buckets");
                for (AggregationResult.Bucket b : terms.buckets()) {
                    buckets.addObject().put("key", b.key()).put("doc_count", b.count());
                }
            }
            case AggregationResult.DateHistogram histogram -> {
                node.put("interval_ms", histogram.intervalMillis());
                ArrayNode buckets = node.putArray("buckets");
                for (AggregationResult.TimeBucket b : histogram.buckets()) {
                    buckets.addObject().put("key", b.start()).put("key_as_string", Instant.ofEpochMilli(b.start()).toString())
                            .put("doc_count", b.count());
                }
            }
            case AggregationResult.Cardinality cardinality -> node.put("value", cardinality.value());
            case AggregationResult.Stats stats -> {
                node.put("count", stats.count());
                boolean empty = stats.count() == 0;
                putOrNull(node, "min", stats.min(), empty);
                putOrNull(node, "max", stats.max(), empty);
                putOrNull(node, "avg", stats.avg(), empty);
                node.put("sum", empty ? 0.0 : stats.sum());
            }
        }
        return node;
    }

    private static void putOrNull(ObjectNode node, String key, double value, boolean empty) {
        if (empty || Double.isNaN(value) || Double.isInfinite(value)) node.putNull(key);
        else node.put(key, value);
    }
}
