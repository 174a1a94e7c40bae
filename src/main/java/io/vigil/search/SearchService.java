package io.vigil.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.store.EventStore;
import io.vigil.store.SearchCancellation;
import io.vigil.store.SearchCancelledException;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The search API: {@code POST /api/search} bodies in, response bodies out.
 * Request: {@code {"query", "from", "to", "size", "sort", "search_after", "aggs"}} (see {@link SearchRequestReader});
 * response: {@code {"total", "hits": [...], "aggs": {...}, "took_ms"}} (see {@link SearchResponseWriter}).
 *
 * <p>A bad request is a {@link SearchException} (HTTP 400); a failing store is an {@link UncheckedIOException}
 * (HTTP 500), never disguised as the caller's fault. Thread-safe if the store is.
 */
public final class SearchService {
    private final EventStore store;
    private final Clock clock;
    private final RunningSearches running;

    public SearchService(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.running = new RunningSearches(clock);
    }

    /** The searches running now: register a search here to make it cancellable. */
    public RunningSearches running() {
        return running;
    }

    /** Runs one request; a bad query or parameter is a {@link SearchException} (HTTP 400). */
    public ObjectNode search(JsonNode body) throws SearchException {
        return search(body, SearchCancellation.NONE);
    }

    /**
     * Runs one request until it ends or {@code cancellation} (e.g. a {@link RunningSearches.Ticket}) says stop:
     * then it throws a {@link SearchCancelledException}.
     */
    public ObjectNode search(JsonNode body, SearchCancellation cancellation) throws SearchException {
        long started = System.nanoTime();
        SearchRequest request = SearchRequestReader.read(body, clock);
        SearchResult result;
        try {
            result = store.search(request, cancellation);
        } catch (IOException e) {
            throw new UncheckedIOException("the event store failed to run the search: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The store rejects what only it can judge, e.g. sorting on a field that is not aggregatable.
            throw new SearchException(e.getMessage(), -1);
        }
        return SearchResponseWriter.write(result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
