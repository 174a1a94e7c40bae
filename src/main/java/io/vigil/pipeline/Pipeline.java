package io.vigil.pipeline;

import io.vigil.event.StoredEvent;
import io.vigil.journal.Journal;
import io.vigil.journal.JournalReader;
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
 * Moves durable records from the journal through parse and detection into the store: one thread reads the
 * journal, runs detection and adds to the store, in journal order, while a second one parses the records it
 * has read ahead ({@link ParseAhead}), so that parsing overlaps the store's flushes at refresh and commit.
 *
 * <p>Invariants: records are processed in journal order; the store is refreshed at least every
 * {@code refreshIntervalMs} (events searchable within a second of their ack) and committed every
 * {@code commitIntervalMs}; after a commit the journal may release everything the store committed. On start
 * the pipeline reads from {@link EventStore#replayFrom()}, and the store skips what it already has, so an
 * acknowledged event is stored exactly once even after a crash. Detection checkpoints its state (correlation
 * windows) after each store commit, before the journal releases anything ({@link EventConsumer#checkpoint}); the
 * pipeline starts at the older of the two positions, so the state catches up on exactly the records it missed.
 *
 * <p>A record that cannot be decoded as a batch (corrupt payload) is counted and skipped — the journal
 * checksums make this rare; it is never retried forever. A store failure (an {@code IOException} such as a
 * full disk, or a writer Lucene closed after a tragic error) does not stop the pipeline: it discards what the
 * store had not committed ({@link StoreRecovery}) and re-reads the journal from the last commit, with a
 * backoff of {@value #MIN_BACKOFF_MS} ms doubling up to {@value #MAX_BACKOFF_MS} ms, until it succeeds. Meanwhile
 * the journal keeps what is unprocessed, so once it is full ingest gets 429s; {@link #failure()} reports the error.
 * Only an {@link Error} (out of memory) stops the thread.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    public record Options(long refreshIntervalMs, long commitIntervalMs) {
        public Options {
            if (refreshIntervalMs <= 0 || commitIntervalMs <= 0) throw new IllegalArgumentException("intervals must be > 0");
        }
    }

    /** Drops what the store holds uncommitted, so that a replay from its last commit can start clean. */
    @FunctionalInterface
    public interface StoreRecovery {
        void discardUncommitted() throws IOException;
    }

    static final long MIN_BACKOFF_MS = 100;
    /** Read-ahead bounds: enough for parsing to overlap the pipeline thread's work; more only kept parsed events alive
     * longer (measured: twice the young collections with 32 records / 16,384 lines ahead). */
    static final int PARSE_AHEAD_RECORDS = 4;
    static final long PARSE_AHEAD_LINES = 4_096;
    static final long MAX_BACKOFF_MS = 30_000;

    private final Journal journal;
    private final ParseAhead ahead;
    private final StoreRecovery storeRecovery;
    private final AtomicLong restarts = new AtomicLong();
    private final EventConsumer detection;
    private final EventStore store;
    private final Options options;
    private final Thread thread;
    private volatile JournalReader reader;
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

    /** A pipeline whose store has no uncommitted state to discard (a retry re-adds, the store skips committed). */
    public Pipeline(Journal journal, EventParser parser, EventConsumer detection, EventStore store, Options options) {
        this(journal, parser, detection, store, options, () -> {});
    }

    public Pipeline(Journal journal, EventParser parser, EventConsumer detection, EventStore store, Options options,
                    StoreRecovery storeRecovery) {
        this.journal = journal;
        this.storeRecovery = storeRecovery;
        this.ahead = new ParseAhead(parser, PARSE_AHEAD_RECORDS, PARSE_AHEAD_LINES);
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
        long backoffMs = MIN_BACKOFF_MS;
        while (true) {
            try {
                runUntilStopped();
                return;
            } catch (Exception e) {
                if (failure == null) backoffMs = MIN_BACKOFF_MS; // it had recovered since the last failure
                failure = e;
                restarts.incrementAndGet();
                failPendingFlushes(e);
                log.error("pipeline failed: {}; acknowledged events stay in the journal; discarding what was not committed"
                        + " and retrying from the last commit in {} ms", e.toString(), backoffMs, e);
                do {
                    if (!sleepUnlessStopping(backoffMs)) return;
                    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                } while (!restartFromLastCommit());
            } catch (Throwable fatal) {
                failure = fatal;
                failPendingFlushes(fatal);
                log.error("pipeline stopped: {}; acknowledged events stay in the journal and are replayed at the next start",
                        fatal.toString(), fatal);
                return;
            }
        }
    }

    private void runUntilStopped() throws IOException {
        long lastRefresh = System.nanoTime(), lastCommit = lastRefresh;
        boolean dirty = false;
        while (true) {
            // read before the journal's end: a close() that follows an append must not stop the loop between
            // the end it saw and the check below, or the appended record would be left for the next start
            boolean stopRequested = stopping;
            long durableEnd = journal.endPosition();
            boolean full = ahead.full();
            JournalReader.Record record = full ? null : reader.next();
            if (record != null) ahead.submit(record);
            boolean caughtUp = record == null && !full;
            // caught up: finish everything read; read-ahead full: wait for the oldest; else take what is parsed
            for (boolean wait = caughtUp || full; ; wait = caughtUp) {
                ParseAhead.Pending parsed = ahead.next(wait);
                if (parsed == null) break;
                process(parsed);
                dirty = true;
            }
            if (caughtUp) {
                // Everything below the end is processed, even across a gap that a quarantine left between the
                // last record and the end (else flushes would wait for records that never come).
                processedNext.accumulateAndGet(durableEnd, Math::max);
                if (stopRequested) break;
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
            if (caughtUp) LockSupport.parkNanos(2_000_000);
        }
        store.refresh();
        commit();
        reader.close();
        flushes.forEach(f -> f.done().complete(null));
        flushes.clear();
    }

    /**
     * After a store failure (disk full, a Lucene writer closed by a tragic exception): drop whatever the store
     * holds uncommitted and read the journal again from the store's last commit. The store skips what it already
     * committed, and alerts are saved idempotently, so the retry neither loses nor duplicates. False if it failed.
     */
    private boolean restartFromLastCommit() {
        try {
            ahead.discard(); // parsed from records the new reader reads again
            reader.close();
            storeRecovery.discardUncommitted();
            long from = startPosition();
            reader = journal.reader(from);
            processedNext.set(from);
            return true;
        } catch (Exception e) {
            failure = e;
            log.error("pipeline could not restart from the last commit yet: {}", e.toString());
            return false;
        }
    }

    private void healthy() {
        if (failure != null) {
            log.info("pipeline recovered after {}", failure.toString());
            failure = null;
        }
    }

    private boolean sleepUnlessStopping(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!stopping && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000);
        return !stopping;
    }

    private void failPendingFlushes(Throwable t) {
        flushes.forEach(f -> f.done().completeExceptionally(t));
        flushes.clear();
    }

    /**
     * Where to read the journal from: the store's last commit, or the detection checkpoint if it is older (its
     * state then catches up on the records between the two, which the store skips as already committed).
     */
    private long startPosition() throws IOException {
        long storeFrom = store.replayFrom();
        long detectionFrom = detection.restore();
        long journalStart = journal.startPosition();
        long from = Math.max(Math.min(storeFrom, detectionFrom), journalStart);
        if (detectionFrom != Long.MAX_VALUE && detectionFrom < journalStart) {
            log.warn("detection checkpoint covers the journal up to {}, but the journal starts at {}: correlation windows"
                    + " miss the events in between", detectionFrom, journalStart);
        }
        log.info("pipeline starts at journal position {} (store committed up to {}, detection checkpoint at {};"
                + " journal holds {}..{})", from, storeFrom, detectionFrom == Long.MAX_VALUE ? "none" : detectionFrom,
                journalStart, journal.endPosition());
        return from;
    }

    private void process(ParseAhead.Pending parsed) throws IOException {
        JournalReader.Record record = parsed.record();
        List<StoredEvent> events;
        switch (ParseAhead.outcomeOf(parsed)) {
            case ParseAhead.Outcome.Parsed p -> events = p.events();
            case ParseAhead.Outcome.Undecodable u -> {
                badRecords.incrementAndGet();
                log.error("journal record at position {} is not a valid batch ({}); skipped", record.position(), u.reason());
                return;
            }
        }
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
        // the detection state covering exactly what the store committed, written before the journal may release
        // those records: a crash in between replays from the older of the two
        detection.checkpoint(next);
        healthy(); // only a successful commit proves the store works again
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
            done.completeExceptionally(new IllegalStateException("the pipeline is not storing events ("
                    + failure + "); acknowledged events wait in the journal; retry later"));
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

    /** The error the pipeline is retrying after, or null while it is healthy. */
    public Throwable failure() {
        return failure;
    }

    /** How many times the pipeline restarted from the last commit after a failure. */
    public long restarts() {
        return restarts.get();
    }

    /** Processes everything already journaled, then refreshes, commits and stops. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
        ahead.close();
    }
}
