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

    /**
     * Adds {@code events[i]} to {@code targets[i]} (skipping nulls). Work is split by partition, not by event:
     * each day's writer is fed by one thread, so it keeps one in-memory segment instead of one per thread —
     * fewer, larger segments to flush and merge when a backlog spans many days.
     */
    void index(List<StoredEvent> events, Partition[] targets) throws IOException {
        java.util.Map<Partition, List<Integer>> byPartition = new java.util.LinkedHashMap<>();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != null) byPartition.computeIfAbsent(targets[i], p -> new ArrayList<>()).add(i);
        }
        int shares = Math.min(threads, Math.min(byPartition.size(), Math.max(1, events.size() / MIN_PER_THREAD)));
        List<List<Integer>> work = balance(byPartition.values(), Math.max(1, shares));
        if (work.isEmpty()) return; // every event was skipped (committed already, or older than retention)
        if (work.size() == 1) {
            addAll(events, targets, work.get(0));
            return;
        }
        List<Future<?>> others = new ArrayList<>(work.size() - 1);
        for (List<Integer> share : work.subList(1, work.size())) {
            others.add(pool.submit(() -> {
                addAll(events, targets, share);
                return null;
            }));
        }
        IOException failure = null;
        try {
            addAll(events, targets, work.get(0));
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

    /** Largest partitions first, each to the share with the least work so far. */
    private static List<List<Integer>> balance(java.util.Collection<List<Integer>> groups, int shares) {
        List<List<Integer>> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<List<Integer>> out = new ArrayList<>();
        for (int s = 0; s < shares; s++) out.add(new ArrayList<>());
        for (List<Integer> group : sorted) {
            List<Integer> least = out.get(0);
            for (List<Integer> share : out) if (share.size() < least.size()) least = share;
            least.addAll(group);
        }
        out.removeIf(List::isEmpty);
        return out;
    }

    private static void addAll(List<StoredEvent> events, Partition[] targets, List<Integer> indexes) throws IOException {
        for (int i : indexes) targets[i].addDocument(EventDocuments.toDocument(events.get(i)));
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

}
