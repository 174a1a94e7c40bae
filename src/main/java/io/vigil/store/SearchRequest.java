package io.vigil.store;

import java.util.List;
import java.util.Map;

/**
 * One search against the store.
 *
 * @param query       what must match
 * @param from        inclusive lower bound on {@code @timestamp}, epoch millis
 * @param to          exclusive upper bound on {@code @timestamp}, epoch millis
 * @param size        hits to return (0 = only total and aggregations)
 * @param sort        sort order of hits
 * @param searchAfter the sort values of the last hit of the previous page, or empty
 * @param aggs        named aggregations
 */
public record SearchRequest(StoreQuery query, long from, long to, int size, List<SortField> sort,
                            List<Object> searchAfter, Map<String, Aggregation> aggs) {
    public SearchRequest {
        if (from > to) throw new IllegalArgumentException("time range is reversed: from " + from + " > to " + to);
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
        sort = sort.isEmpty() ? List.of(SortField.NEWEST_FIRST) : List.copyOf(sort);
        searchAfter = List.copyOf(searchAfter);
        aggs = Map.copyOf(aggs);
    }

    public static SearchRequest of(StoreQuery query, long from, long to, int size) {
        return new SearchRequest(query, from, to, size, List.of(), List.of(), Map.of());
    }

    /** Sort on a field ({@code @timestamp} or an aggregatable keyword/number field). */
    public record SortField(String field, boolean descending) {
        public static final SortField NEWEST_FIRST = new SortField("@timestamp", true);
    }
}
