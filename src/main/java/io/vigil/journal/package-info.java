/**
 * Stage 2 of the flow: the durable, segmented, append-only log of raw batches. Acknowledgements wait for the journal's fsync; consumers read from positions and release what they no longer need. Read {@link io.vigil.journal.Journal} first.
 */
package io.vigil.journal;
