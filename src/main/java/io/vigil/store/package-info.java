/**
 * Stage 5: where events are kept. {@link io.vigil.store.EventStore} is the port (the OpenSearch store will
 * implement it too); {@link io.vigil.store.LuceneEventStore} is the embedded implementation. Read
 * {@code EventStore}, then {@code LuceneEventStore}, then {@code EventDocuments} (how an event is indexed).
 *
 * <h2>Layout on disk</h2>
 * <pre>
 * dir/store.state              committed journal position + retention floor (StoreState: versioned, CRC32, atomic rename)
 * dir/events-2026-11-29/       one Lucene index per UTC day (Partition), opened on first use
 * </pre>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Exactly-once with the journal: a partition's commit user data {@code vigil.position} is the highest
 *       journal position added to it; {@code add} skips an event whose partition committed its record's
 *       position. {@code store.state} is written only after every changed partition committed, so
 *       {@code replayFrom()} never skips a record that some partition lacks.</li>
 *   <li>One set of Lucene data structures per field name (Lucene enforces it): types come from the fixed
 *       {@link io.vigil.event.EcsSchema}; values of the wrong type go to {@code _mismatch.<field>}.</li>
 *   <li>No deletes inside a partition and adjacent-only merges: doc ids are stable, which makes
 *       (partition, doc) an exact tie-breaker for {@code search_after}.</li>
 *   <li>The raw bytes are always recoverable exactly: stored, or equal to the event's {@code event.original}.</li>
 *   <li>An ECS field whose value is a copy of its {@code winlog.event_data} source ({@code EcsCopies}) is indexed
 *       once, under the source, plus the marker {@code _copied:<field>}; every query and terms walk of the copy
 *       also looks there, so searches see the same events as if the copy were indexed.</li>
 * </ul>
 *
 * <h2>Search</h2>
 * {@code LuceneEventStore.search} acquires the partitions overlapping the time range and hands them to
 * {@code PartitionSearch}: an exact count per partition, the aggregations on the calling thread and, at the same
 * time on a virtual thread, the page of hits ({@code PageSearch}: sorted by {@code @timestamp}, it searches time
 * windows from the newest end and stops once they hold the page; {@code HitDocuments} loads their stored fields).
 * A date histogram ({@code TimeHistogram}) counts into a {@code long[]}; for a match-all query it counts whole
 * segments from the points index without visiting documents. {@code FastSearchPathsTest} holds each fast path
 * to a straightforward computation.
 *
 * <p>Cancellation: {@code search(request, SearchCancellation)} runs on per-search searchers over
 * {@code ExitableDirectoryReader}s with the cancellation as their {@code QueryTimeout} (Lucene stops in term
 * enumeration and scoring), and the store's own loops over matches and doc values ask it every 4,096 documents.
 * A cancelled search throws {@code SearchCancelledException}; it never returns a partial result
 * ({@code SearchCancellationTest} cancels at random questions along every path).
 *
 * <h2>Threads</h2>
 * One writer thread calls add/commit/refresh/applyRetention; searches, get and stats run from any thread
 * (NRT searchers via one {@code SearcherManager} per partition). Events become searchable at the next
 * {@code refresh()}: the pipeline calls it about once a second while someone searches; a store just opened, or
 * unsearched for 30 s, skips those refreshes and refreshes before its next search instead.
 *
 * <h2>Segments</h2>
 * Each writer's buffers are written as segments by the indexing threads ({@code ParallelIndexing}): Lucene
 * flushes a full buffer ({@code Partition.SEGMENT_BUFFER_MB}) on the thread that fills it, and refresh and commit
 * first flush what is left on all indexing threads at once ({@code ParallelIndexing.flushBuffers}), so the
 * writer thread writes segments only when the store-wide budget forces it (many days buffered at once) or with
 * one indexing thread. Merges: {@code LogByteSizeMergePolicy} (adjacent only), 20 at a time.
 */
package io.vigil.store;
