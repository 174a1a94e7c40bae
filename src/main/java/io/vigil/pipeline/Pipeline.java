package io.vigil.pipeline;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.journal.Journal;
import io.vigil.journal.JournalReader;
import io.vigil.journal.RawBatchFormat;
import io.vigil.parse.EventParser;
import io.vigil.store.EventStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves durable records from the journal through parse and detection into the store, on one thread.
 *
 * <p>Invariants: records are processed in journal order; the store is refreshed at least every
 * {@code refreshIntervalMs} (events searchable within a second of their ack) and committed every
 * {@code commitIntervalMs}; after a commit the journal may release everything the store committed. On start
 * the pipeline reads from {@link EventStore#replayFrom()}, and the store skips what it already has, so an
 * acknowledged event is stored exactly once even after a crash.
 *
 * <p>A record that cannot be decoded as a batch (corrupt payload) is counted and skipped — the journal
 * checksums make this rare; it is never retried forever. A store failure stops the pipeline: nothing
 * further is committed and the error is reported by {@link #failure()}.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    public record Options(long refreshIntervalMs, long commitIntervalMs) {
        public Options {
            if (refreshIntervalMs <= 0 || commitIntervalMs <= 0) throw new IllegalArgumentException("intervals must be > 0");
        }
    }

    private final Journal journal;
    private final EventParser parser;
    private final EventConsumer detection;
    private final EventStore store;
    private final Options options;
    private final Thread thread;
    private JournalReader reader;
    private final AtomicLong processedPosition = new AtomicLong(-1);
    private final AtomicLong processedNext = new AtomicLong();
    private final AtomicLong eventsProcessed = new AtomicLong();
    private final AtomicLong badRecords = new AtomicLong();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile long committedNext;
    private final java.util.concurrent.ConcurrentLinkedQueue<FlushRequest> flushes = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Runs {@code task} on the pipeline thread between two records, so it never races with adding events to the
     * store (retention dropping a partition the pipeline is writing to, for one).
     */
    public java.util.concurrent.CompletableFuture<Void> execute(Runnable task) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        tasks.add(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** A caller waiting until everything journaled before {@code upTo} is searchable (and, if asked, committed). */
    private record FlushRequest(long upTo, boolean commit, java.util.concurrent.CompletableFuture<Void> done) {}

    public Pipeline(Journal journal, EventParser parser, EventConsumer detection, EventStore store, Options options) {
        this.journal = journal;
        this.parser = parser;
        this.detection = detection;
        this.store = store;
        this.options = options;
        this.thread = new Thread(this::run, "vigil-pipeline");
    }

    /** Opens the journal where the store's committed data ends and starts the pipeline thread. */
    public void start() throws IOException {
        long from = startPosition();
        processedNext.set(from);
        committedNext = from;
        reader = journal.reader(from);
        thread.start();
    }

    private void run() {
        try (JournalReader records = reader) {
            long lastRefresh = System.nanoTime(), lastCommit = lastRefresh;
            boolean dirty = false;
            while (true) {
                JournalReader.Record record = records.next();
                if (record != null) {
                    process(record);
                    dirty = true;
                } else if (stopping) {
                    break;
                }
                long now = System.nanoTime();
                if (dirty && now - lastRefresh >= TimeUnit.MILLISECONDS.toNanos(options.refreshIntervalMs())
                        && store.recentlySearched()) {
                    store.refresh();
                    lastRefresh = now;
                }
                if (now - lastCommit >= TimeUnit.MILLISECONDS.toNanos(options.commitIntervalMs())) {
                    commit();
                    lastCommit = now;
                    dirty = false;
                }
                if (!flushes.isEmpty()) serveFlushes();
                for (Runnable task; (task = tasks.poll()) != null; ) task.run();
                if (record == null) LockSupport.parkNanos(2_000_000);
            }
            store.refresh();
            commit();
            flushes.forEach(f -> f.done().complete(null));
            flushes.clear();
        } catch (Throwable t) {
            failure = t;
            flushes.forEach(f -> f.done().completeExceptionally(t));
            flushes.clear();
            log.error("pipeline stopped: {}; acknowledged events stay in the journal and are replayed at the next start", t.toString(), t);
        }
    }

    private long startPosition() throws IOException {
        long from = Math.max(store.replayFrom(), journal.startPosition());
        log.info("pipeline starts at journal position {} (journal holds {}..{})", from, journal.startPosition(), journal.endPosition());
        return from;
    }

    private void process(JournalReader.Record record) throws IOException {
        RawBatch batch;
        try {
            batch = RawBatchFormat.decode(record.payload());
        } catch (IOException e) {
            badRecords.incrementAndGet();
            log.error("journal record at position {} is not a valid batch ({}); skipped", record.position(), e.getMessage());
            return;
        }
        List<StoredEvent> events = parser.parse(batch, record.position());
        detection.accept(events, record.position());
        store.add(events, record.position());
        eventsProcessed.addAndGet(events.size());
        processedPosition.set(record.position());
        processedNext.set(record.next());
    }

    private void commit() throws IOException {
        long next = processedNext.get();
        detection.flush(); // alerts must be durable before the events that raised them are committed
        store.commit();
        if (next > committedNext) {
            committedNext = next;
            journal.release(next);
        }
    }

    private void serveFlushes() throws IOException {
        boolean refreshed = false, committed = false;
        for (java.util.Iterator<FlushRequest> it = flushes.iterator(); it.hasNext(); ) {
            FlushRequest f = it.next();
            if (processedNext.get() < f.upTo()) continue;
            if (!refreshed) {
                store.refresh();
                refreshed = true;
            }
            if (f.commit() && !committed) {
                commit();
                committed = true;
            }
            it.remove();
            f.done().complete(null);
        }
    }

    /**
     * Completes once every record acknowledged before this call is processed and searchable; with
     * {@code commit}, also committed to the store and released from the journal (Elasticsearch's
     * {@code _refresh} and {@code _flush}).
     */
    public java.util.concurrent.CompletableFuture<Void> flush(boolean commit) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        if (failure != null) {
            done.completeExceptionally(new IllegalStateException("pipeline stopped: " + failure));
            return done;
        }
        flushes.add(new FlushRequest(journal.endPosition(), commit, done));
        return done;
    }

    /** Blocks until every record appended before this call is processed (searchable after the next refresh). */
    public boolean awaitProcessed(long timeoutMillis) {
        long target = journal.endPosition();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (processedNext.get() < target && failure == null) {
            if (System.nanoTime() > deadline) return false;
            LockSupport.parkNanos(1_000_000);
        }
        return failure == null;
    }

    public long eventsProcessed() {
        return eventsProcessed.get();
    }

    public long badRecords() {
        return badRecords.get();
    }

    /** Journal bytes not yet processed: how far the pipeline lags behind acknowledgements. */
    public long lagBytes() {
        return Math.max(0, journal.endPosition() - processedNext.get());
    }

    public Throwable failure() {
        return failure;
    }

    /** Processes everything already journaled, then refreshes, commits and stops. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
    }
}
