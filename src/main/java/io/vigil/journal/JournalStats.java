package io.vigil.journal;

/**
 * A snapshot of a journal's counters, for metrics.
 *
 * @param recordsAppended       records made durable since open
 * @param bytesAppended         payload bytes made durable since open
 * @param fsyncs                {@code force} calls for appended data (one per group commit)
 * @param rejectedFull          appends refused because the journal was at {@code maxBytes}
 * @param failedAppends         appends failed by an I/O error (e.g. disk full)
 * @param damagedRecordsSkipped reads that met a damaged durable record and skipped past it
 */
public record JournalStats(long recordsAppended, long bytesAppended, long fsyncs, long rejectedFull,
                           long failedAppends, long damagedRecordsSkipped) {}
