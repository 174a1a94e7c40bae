package io.vigil.store;

import org.apache.lucene.index.QueryTimeout;

/**
 * Asked, while a search runs, whether its caller has given up on it. Lucene asks through
 * {@link #asQueryTimeout()} (the searchers' timeout and the exitable readers); the store's own loops over
 * matches and doc values ask every {@link #CHECK_EVERY_DOCS} documents through {@link #check()}. A cancelled
 * search ends with a {@link SearchCancelledException}, never with a partial result.
 *
 * <p>Implementations must be cheap and thread-safe: the aggregating thread and the page thread ask at once.
 */
@FunctionalInterface
public interface SearchCancellation {
    /** How many documents a loop may visit between two checks (a power of two: checked with a mask). */
    int CHECK_EVERY_DOCS = 4096;

    /** A search nobody can cancel. */
    SearchCancellation NONE = () -> false;

    boolean isCancelled();

    /** @throws SearchCancelledException if the search was cancelled */
    default void check() {
        if (isCancelled()) throw new SearchCancelledException();
    }

    /** {@link #check()} when {@code visited} is a multiple of {@link #CHECK_EVERY_DOCS}: call with a loop counter. */
    default void checkEvery(long visited) {
        if ((visited & (CHECK_EVERY_DOCS - 1)) == 0) check();
    }

    default QueryTimeout asQueryTimeout() {
        return this::isCancelled;
    }
}
