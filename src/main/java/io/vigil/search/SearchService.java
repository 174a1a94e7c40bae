package io.vigil.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.store.EventStore;
import java.time.Clock;

/**
 * The search API: {@code POST /api/search} bodies in, response bodies out.
 * Request: {@code {"query", "from", "to", "size", "sort", "search_after", "aggs"}};
 * response: {@code {"total", "hits": [...], "aggs": {...}, "took_ms"}}.
 */
public final class SearchService {
    private final EventStore store;
    private final Clock clock;

    public SearchService(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs one request; a bad query or parameter is a {@link SearchException} (HTTP 400). */
    public ObjectNode search(JsonNode body) throws SearchException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
