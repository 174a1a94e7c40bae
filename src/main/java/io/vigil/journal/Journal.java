package io.vigil.journal;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A durable, append-only log of raw records, in segment files.
 *
 * <p>Positions are logical byte offsets that only grow; a record's position is where it starts.
 * {@link #append} completes only after the record is on disk (fsync), and concurrent appends share
 * one fsync (group commit). A full journal fails the future with {@link JournalFullException}.
 */
public interface Journal extends Closeable {

    /** Appends one record; the future completes with its position once durable. */
    CompletableFuture<Long> append(byte[] payload);

    /** Reads records starting at {@code position} (a record start, or {@link #startPosition()}). */
    JournalReader reader(long position) throws IOException;

    /** The position of the oldest record still kept. */
    long startPosition();

    /** The position the next record will get. */
    long endPosition();

    /** Lets the journal delete whole segments that end at or before {@code position}: every consumer has it. */
    void release(long position) throws IOException;

    /** Bytes on disk. */
    long sizeBytes();
}
