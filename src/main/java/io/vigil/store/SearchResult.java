package io.vigil.store;

import io.vigil.event.Event;
import java.util.List;
import java.util.Map;

/**
 * @param total number of matching events (exact)
 * @param hits  the requested page, each with the sort values to pass as {@code search_after}
 * @param aggs  results by aggregation name
 */
public record SearchResult(long total, List<Hit> hits, Map<String, AggregationResult> aggs, long tookMillis) {
    public SearchResult {
        hits = List.copyOf(hits);
        aggs = Map.copyOf(aggs);
    }

    public record Hit(Event event, List<Object> sortValues) {
        public Hit {
            sortValues = List.copyOf(sortValues);
        }
    }
}
