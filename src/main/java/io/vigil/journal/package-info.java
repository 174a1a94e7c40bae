/**
 * Stage 2 of the flow: the durable, segmented, append-only log of raw batches. Ingest acknowledges a batch
 * only after {@link io.vigil.journal.Journal#append} completes (the record is fsynced); parse reads records
 * back by position, and the pipeline releases what every consumer has finished.
 *
 * <p>Read {@link io.vigil.journal.Journal} first, then {@link io.vigil.journal.FileJournal} (the
 * implementation and its usage), {@link io.vigil.journal.SegmentFormat} (the on-disk layout) and
 * {@link io.vigil.journal.GroupCommitWriter} (how appends share fsyncs). The payload of a record is a
 * {@link io.vigil.event.RawBatch} in {@link io.vigil.journal.RawBatchFormat}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Positions are logical byte offsets ({@code segment base + offset in file}); they only grow, across
 *       restarts and quarantines too, so a consumer's committed position is never reused.</li>
 *   <li>A reader never returns a record before its fsync completed: readers stop at the durable end,
 *       which the writer publishes only after {@code force}.</li>
 *   <li>Nothing is dropped silently: a full journal fails the append with
 *       {@link io.vigil.journal.JournalFullException}; an I/O error fails it with the {@code IOException}
 *       and the partial write is truncated away; damaged bytes are moved to {@code quarantine/}, never
 *       deleted; every such event is logged and counted ({@link io.vigil.journal.JournalStats}).</li>
 *   <li>Only whole sealed segments are deleted, and only at or behind the released position.</li>
 * </ul>
 *
 * <p>Thread-safety: {@code FileJournal} is safe from any thread, virtual threads included; appends are
 * handed to one platform writer thread. Each {@code JournalReader} belongs to one thread at a time.
 */
package io.vigil.journal;
