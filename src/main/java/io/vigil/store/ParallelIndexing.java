package io.vigil.store;

import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns events into Lucene documents and adds them on indexing threads, <em>behind</em> the writer thread:
 * building and inverting documents is most of the cost of storing an event, so the writer thread (the
 * pipeline) goes on parsing and detecting the next record while the indexers work on this one.
 *
 * <p>{@link #submit} returns once the work is queued; at most {@code 2 × threads} shares are in flight, so a
 * slow disk slows the pipeline instead of filling the heap. {@link #await} waits for everything submitted
 * before it and rethrows the first indexing failure: the store calls it before every refresh, commit and
 * discard, which is what makes a submitted document searchable and durable. A failure is also rethrown by the
 * next {@link #submit}, so the pipeline learns of it at once and replays from the last commit.
 *
 * <p>Each record's events are cut into shares of similar size across the threads; a share keeps the events
 * of one day together where it can, so a day's writer is fed by as few threads as possible (fewer, larger
 * segments). With one thread everything runs on the caller, in order.
 */
final class ParallelIndexing implements AutoCloseable {
    private static final int MIN_PER_SHARE = 128;

    private final int threads;
    private final RawEvents raw;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<Future<?>> inFlight = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ParallelIndexing(int threads, RawEvents raw) {
        this.raw = raw;
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads,
                Thread.ofPlatform().name("vigil-indexer-", 0).daemon().factory());
        this.slots = new Semaphore(2 * this.threads);
    }

    /** Queues {@code events[i]} for {@code targets[i]} (nulls skipped); throws an earlier indexing failure. */
    void submit(List<StoredEvent> events, Partition[] targets) throws IOException {
        rethrowFailure();
        List<List<Integer>> shares = shares(targets);
        if (pool == null) {
            for (List<Integer> share : shares) addAll(events, targets, share);
            return;
        }
        for (List<Integer> share : shares) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the indexing threads", e);
            }
            inFlight.add(pool.submit(() -> {
                try {
                    addAll(events, targets, share);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    slots.release();
                }
            }));
        }
        for (Future<?> head; (head = inFlight.peek()) != null && head.isDone(); ) inFlight.poll();
    }

    /** Waits until everything submitted before this call is in its writer; throws the first failure. */
    void await() throws IOException {
        awaitQuietly();
        rethrowFailure();
    }

    /** Waits like {@link #await} but forgets a failure: for discarding what was added anyway. */
    void awaitQuietly() {
        List<Future<?>> pending = new ArrayList<>(inFlight);
        boolean interrupted = false;
        for (Future<?> f : pending) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException e) {
                    break; // the task records its own failure
                }
            }
            inFlight.remove(f);
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Writes the indexing buffers of {@code partitions} as segments on the indexing threads, in parallel, and
     * waits: a commit or refresh after it finds (almost) nothing left to flush on the writer thread. Call after
     * {@link #await}. With one thread, or once closed (the final commit), it does nothing: the commit then
     * flushes on the caller.
     */
    void flushBuffers(java.util.Collection<Partition> partitions) throws IOException {
        if (pool == null || pool.isShutdown() || partitions.isEmpty()) return;
        List<Future<?>> flushes = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            flushes.add(pool.submit(() -> {
                try {
                    for (Partition p : partitions) {
                        while (p.flushNextBuffer()) {
                            // each call writes one buffer; the other threads take the others
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        inFlight.addAll(flushes);
        await();
    }

    /** Forgets a failure after the caller discarded what the writers held. */
    void clearFailure() {
        failure.set(null);
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure.get();
        if (t == null) return;
        if (t instanceof IOException io) throw new IOException(io.getMessage(), io);
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        throw new IOException(t);
    }

    /**
     * Cuts the record into at most {@code threads} shares of about equal size: days in order, a large day
     * split across shares, small days packed together.
     */
    private List<List<Integer>> shares(Partition[] targets) {
        Map<Partition, List<Integer>> byPartition = new LinkedHashMap<>();
        int total = 0;
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == null) continue;
            byPartition.computeIfAbsent(targets[i], p -> new ArrayList<>()).add(i);
            total++;
        }
        int shareSize = Math.max(MIN_PER_SHARE, (total + threads - 1) / threads);
        List<List<Integer>> shares = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (List<Integer> group : byPartition.values()) {
            for (int from = 0; from < group.size(); ) {
                int take = Math.min(group.size() - from, shareSize - current.size());
                current.addAll(group.subList(from, from + take));
                from += take;
                if (current.size() >= shareSize) {
                    shares.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        if (!current.isEmpty()) shares.add(current);
        return shares;
    }

    private void addAll(List<StoredEvent> events, Partition[] targets, List<Integer> indexes) throws IOException {
        for (int i : indexes) targets[i].addDocument(EventDocuments.toDocument(events.get(i), raw));
    }

    @Override
    public void close() {
        awaitQuietly();
        if (pool != null) pool.shutdownNow();
    }
}
