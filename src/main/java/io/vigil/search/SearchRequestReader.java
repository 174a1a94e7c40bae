package io.vigil.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchRequest.SortField;
import io.vigil.store.StoreQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a search API body into a {@link SearchRequest}:
 * <pre>
 * {"query": "event.code:4625", "from": "now-24h", "to": "now", "size": 50,
 *  "sort": [{"@timestamp": "desc"}] | ["@timestamp:desc"], "search_after": [...], "aggs": {...}}
 * </pre>
 * Every key is optional (defaults: all events of the last 24 hours, 50 hits, newest first); an unknown key is an
 * error naming it, so a typo never silently widens a search. Errors carry the position in the query string
 * when they come from the query, else -1. Stateless.
 */
final class SearchRequestReader {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 10_000;
    static final String DEFAULT_FROM = "now-24h";
    static final String DEFAULT_TO = "now";
    private static final Set<String> KEYS = Set.of("query", "from", "to", "size", "sort", "search_after", "aggs", "aggregations");

    private SearchRequestReader() {}

    static SearchRequest read(JsonNode body, Clock clock) throws SearchException {
        if (body == null || body.isNull() || body.isMissingNode()) body = JsonFields.EMPTY;
        if (!body.isObject()) throw new SearchException("the search request must be a JSON object, got " + body.getNodeType(), -1);
        rejectUnknownKeys(body);
        StoreQuery query = DateMathResolver.resolve(QueryParser.parse(JsonFields.optionalText(body, "query")), clock);
        long from = time(body, "from", DEFAULT_FROM, clock, false);
        long to = time(body, "to", DEFAULT_TO, clock, true);
        if (from > to) {
            throw new SearchException("'from' (" + Instant.ofEpochMilli(from) + ") is after 'to' (" + Instant.ofEpochMilli(to)
                    + "); swap them", -1);
        }
        int size = size(body);
        List<SortField> sort = sort(body.get("sort"));
        List<Object> searchAfter = searchAfter(body.get("search_after"), sort.isEmpty() ? 1 : sort.size());
        JsonNode aggs = body.has("aggs") ? body.get("aggs") : body.get("aggregations");
        return new SearchRequest(query, from, to, size, sort, searchAfter, AggregationReader.read(aggs, from, to));
    }

    private static void rejectUnknownKeys(JsonNode body) throws SearchException {
        JsonFields.requireOnly(body, KEYS, "the search request");
        if (body.has("aggs") && body.has("aggregations")) {
            throw new SearchException("give either 'aggs' or 'aggregations', not both", -1);
        }
    }

    private static long time(JsonNode body, String key, String fallback, Clock clock, boolean upper) throws SearchException {
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) return evaluate(fallback, clock, upper, key);
        if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
        if (!node.isTextual()) {
            throw new SearchException("'" + key + "' must be a time expression string or epoch milliseconds, got "
                    + node.getNodeType(), -1);
        }
        return evaluate(node.textValue().isBlank() ? fallback : node.textValue(), clock, upper, key);
    }

    private static long evaluate(String text, Clock clock, boolean upper, String key) throws SearchException {
        try {
            return upper ? TimeExpressions.parseUpper(text, clock) : TimeExpressions.parse(text, clock);
        } catch (SearchException e) {
            throw new SearchException("'" + key + "': " + e.getMessage(), -1);
        }
    }

    private static int size(JsonNode body) throws SearchException {
        JsonNode node = body.get("size");
        if (node == null || node.isNull()) return DEFAULT_SIZE;
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new SearchException("'size' must be an integer between 0 and " + MAX_SIZE + ", got " + node, -1);
        }
        long size = node.longValue();
        if (size < 0 || size > MAX_SIZE) {
            throw new SearchException("'size' must be between 0 and " + MAX_SIZE + ", got " + size
                    + "; page with search_after for more", -1);
        }
        return (int) size;
    }

    /** [{"f": "desc"}], [{"f": {"order": "desc"}}], ["f:desc"], ["f"] (ascending), or one of those without the array. */
    static List<SortField> sort(JsonNode node) throws SearchException {
        if (node == null || node.isNull()) return List.of();
        List<SortField> fields = new ArrayList<>();
        for (JsonNode element : node.isArray() ? node : List.of(node)) {
            if (element.isTextual()) {
                String text = element.textValue();
                int colon = text.lastIndexOf(':');
                fields.add(colon < 0 ? sortField(text, "asc") : sortField(text.substring(0, colon), text.substring(colon + 1)));
            } else if (element.isObject() && element.size() == 1) {
                String field = element.fieldNames().next();
                JsonNode order = element.get(field);
                if (order.isObject()) order = order.path("order");
                if (!order.isTextual()) throw new SearchException("sort order of '" + field + "' must be \"asc\" or \"desc\"", -1);
                fields.add(sortField(field, order.textValue()));
            } else {
                throw new SearchException("each 'sort' entry must be \"field:desc\" or {\"field\": \"desc\"}, got " + element, -1);
            }
        }
        return fields;
    }

    private static SortField sortField(String field, String order) throws SearchException {
        if (field.isBlank()) throw new SearchException("a 'sort' entry has an empty field name", -1);
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> new SortField(field, false);
            case "desc" -> new SortField(field, true);
            default -> throw new SearchException("sort order of '" + field + "' must be \"asc\" or \"desc\", got \"" + order + "\"", -1);
        };
    }

    private static List<Object> searchAfter(JsonNode node, int sortFields) throws SearchException {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw new SearchException("'search_after' must be the array of sort values of the last hit", -1);
        // a hit's "sort" may end with the store's tie-breakers (which partition, which document): pass them on
        if (node.size() < sortFields || node.size() > sortFields + 2) {
            throw new SearchException("'search_after' has " + node.size() + " values but the sort has " + sortFields
                    + " fields; pass the \"sort\" array of the last hit unchanged", -1);
        }
        List<Object> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            Object value = JsonFields.scalar(node.get(i));
            if (value == null) throw new SearchException("search_after[" + i + "] must be a string, number or boolean", -1);
            values.add(value);
        }
        return values;
    }
}
