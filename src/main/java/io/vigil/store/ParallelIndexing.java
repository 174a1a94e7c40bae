package io.vigil.store;

import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns a record's events into Lucene documents and adds them on several threads: building a document and
 * inverting it are most of the cost of storing an event, and IndexWriter accepts documents from many threads.
 * The calling (writer) thread takes one share itself and waits for the others, so {@code add} still returns
 * only when every document is in the writer. Small batches stay on the calling thread.
 */
final class ParallelIndexing implements AutoCloseable {
    private static final int MIN_PER_THREAD = 64;

    private final int threads;
    private final ExecutorService pool;

    ParallelIndexing(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1,
                Thread.ofPlatform().name("vigil-indexer-", 0).daemon().factory());
    }

    /** Adds {@code events[i]} to {@code targets[i]} (skipping nulls). */
    void index(List<StoredEvent> events, Partition[] targets) throws IOException {
        int shares = Math.min(threads, Math.max(1, events.size() / MIN_PER_THREAD));
        if (shares == 1) {
            addRange(events, targets, 0, events.size());
            return;
        }
        int per = (events.size() + shares - 1) / shares;
        List<Future<?>> others = new ArrayList<>(shares - 1);
        for (int s = 1; s < shares; s++) {
            int from = s * per, to = Math.min(events.size(), from + per);
            others.add(pool.submit(() -> {
                addRange(events, targets, from, to);
                return null;
            }));
        }
        IOException failure = null;
        try {
            addRange(events, targets, 0, Math.min(per, events.size()));
        } catch (IOException e) {
            failure = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) failure = cause instanceof IOException io ? io : new IOException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = new IOException("interrupted while indexing", e);
            }
        }
        if (failure != null) throw failure;
    }

    private static void addRange(List<StoredEvent> events, Partition[] targets, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (targets[i] != null) targets[i].addDocument(EventDocuments.toDocument(events.get(i)));
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

}
