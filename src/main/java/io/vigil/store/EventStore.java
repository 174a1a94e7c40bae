package io.vigil.store;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The port to wherever events are kept: the embedded Lucene store, or an OpenSearch cluster.
 *
 * <h2>Exactly-once with the journal</h2>
 * Events arrive in journal order, grouped by the journal record they came from, each group tagged with the
 * record's journal position. A store remembers, durably and atomically with the data, the highest position
 * it has committed for each partition. {@link #add} ignores events of a record whose position the target
 * partition has already committed, so replaying the journal from {@link #replayFrom()} after a crash
 * neither loses nor duplicates an event.
 *
 * <p>Implementations are thread-safe: one writer thread calls {@link #add}/{@link #commit}, any thread searches.
 */
public interface EventStore extends Closeable {

    /**
     * Adds the events of one journal record.
     *
     * @param position the journal position of the record (strictly increasing across calls)
     */
    void add(List<StoredEvent> events, long position) throws IOException;

    /** Makes everything added so far visible to searches (not necessarily durable). */
    void refresh() throws IOException;

    /**
     * False when nobody has searched for a while; the pipeline then skips periodic refreshes, and the store
     * refreshes itself before the next search. Stores that refresh cheaply may always answer true.
     */
    default boolean recentlySearched() {
        return true;
    }

    /** Makes everything added so far durable, with the positions it covers. */
    void commit() throws IOException;

    /** The journal position from which a replay must start: the lowest position any partition may lack. */
    long replayFrom() throws IOException;

    SearchResult search(SearchRequest request) throws IOException;

    /**
     * Like {@link #search(SearchRequest)}, but stops early, with a {@link SearchCancelledException}, once
     * {@code cancellation} says the caller gave up. A store that cannot stop a search runs it to the end.
     */
    default SearchResult search(SearchRequest request, SearchCancellation cancellation) throws IOException {
        cancellation.check();
        SearchResult result = search(request);
        cancellation.check();
        return result;
    }

    /** One event by id, searching partitions from newest to oldest. */
    Optional<Event> get(String id) throws IOException;

    /** The raw text an event came from. */
    Optional<byte[]> original(String id) throws IOException;

    /** Drops whole partitions older than {@code maxAge} and, oldest first, beyond {@code maxBytes}. Returns how many. */
    int applyRetention(Duration maxAge, long maxBytes) throws IOException;

    /** Per-partition statistics, oldest first. */
    List<PartitionStats> stats() throws IOException;

    record PartitionStats(String name, long events, long bytes, long committedPosition) {}
}
