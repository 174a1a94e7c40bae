/**
 * Moves durable raw batches from the journal through parse and detect into the store; decides commits and what the journal may release. Read {@code Pipeline} first.
 *
 * <p>Threads: {@code vigil-pipeline} reads the journal, runs detection, adds to the store, refreshes and commits,
 * in journal order; {@code vigil-parse} ({@link io.vigil.pipeline.ParseAhead}) decodes and parses the records the
 * pipeline thread has read ahead (a bounded number), so parsing overlaps the store's flushes.
 */
package io.vigil.pipeline;
