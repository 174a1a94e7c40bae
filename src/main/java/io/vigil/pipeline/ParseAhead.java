package io.vigil.pipeline;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.journal.JournalReader;
import io.vigil.journal.RawBatchFormat;
import io.vigil.parse.EventParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes and parses journal records on a second thread ({@code vigil-parse}), in journal order, while the
 * pipeline thread runs detection, adds to the store and commits: parsing the next records then overlaps the
 * store's segment flushes at refresh and commit, which run on the pipeline thread and used to stop parsing.
 *
 * <p>Only parsing moves: the pipeline thread still reads the journal, and still takes each record's outcome in
 * order ({@link #next}) before it runs detection and {@code store.add}, so journal order, the positions the
 * pipeline reports as processed, and the exactly-once replay are as before. Parsing is a pure function of the
 * record (the parser keeps no state between batches), so parsing ahead and throwing the result away
 * ({@link #discard}, on a restart from the last commit) changes nothing. At most {@code maxRecords} records and
 * about {@code maxLines} lines are read ahead, so the heap held by parsed events stays bounded.
 *
 * <p>Not thread-safe: used by the pipeline thread only (the worker sees only the records handed to it).
 */
final class ParseAhead implements AutoCloseable {
    /** What parsing one record gave. */
    sealed interface Outcome {
        record Parsed(List<StoredEvent> events) implements Outcome {}

        /** The payload is not a raw batch (a corrupt record the checksums missed): the pipeline skips it. */
        record Undecodable(String reason) implements Outcome {}
    }

    /** A record read ahead, and its parse in progress. */
    record Pending(JournalReader.Record record, int lines, Future<Outcome> outcome) {}

    private final EventParser parser;
    private final int maxRecords;
    private final long maxLines;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long pendingLines;
    private ExecutorService worker;

    ParseAhead(EventParser parser, int maxRecords, long maxLines) {
        if (maxRecords < 1 || maxLines < 1) throw new IllegalArgumentException("read-ahead limits must be >= 1");
        this.parser = parser;
        this.maxRecords = maxRecords;
        this.maxLines = maxLines;
    }

    /** True when no more records should be read until the oldest is taken. */
    boolean full() {
        return pending.size() >= maxRecords || pendingLines >= maxLines;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Starts parsing {@code record} after those handed over before it. */
    void submit(JournalReader.Record record) {
        // the line count is in the payload's header; estimating from the size keeps this thread from decoding
        int lines = Math.max(1, record.payload().length / 128);
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "vigil-parse");
                t.setDaemon(true);
                return t;
            });
        }
        pending.add(new Pending(record, lines, worker.submit(() -> parse(record))));
        pendingLines += lines;
    }

    private Outcome parse(JournalReader.Record record) {
        RawBatch batch;
        try {
            batch = RawBatchFormat.decode(record.payload());
        } catch (IOException e) {
            return new Outcome.Undecodable(e.getMessage());
        }
        return new Outcome.Parsed(parser.parse(batch, record.position()));
    }

    /**
     * The oldest record read ahead once parsed, or null when there is none, or when it is still being parsed and
     * {@code wait} is false. A parser failure is thrown here, on the pipeline thread, as if it had parsed itself.
     */
    Pending next(boolean wait) {
        Pending head = pending.peek();
        if (head == null || (!wait && !head.outcome().isDone())) return null;
        pending.poll();
        pendingLines -= head.lines();
        return head;
    }

    /** The outcome of a record {@link #next} returned, waiting for its parse to end if need be. */
    static Outcome outcomeOf(Pending p) {
        try {
            return p.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a parse", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException("parser failed", e.getCause());
            }
        }
    }

    /** Forgets every record read ahead (the pipeline re-reads the journal from its last commit). */
    void discard() {
        for (Pending p : pending) p.outcome().cancel(false);
        pending.clear();
        pendingLines = 0;
    }

    @Override
    public void close() {
        discard();
        if (worker != null) worker.shutdown();
    }
}
