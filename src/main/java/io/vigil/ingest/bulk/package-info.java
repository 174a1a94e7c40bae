/**
 * The Elasticsearch {@code _bulk} input (and the plain JSON events body): parse the request, hand the
 * documents to the {@link io.vigil.ingest.IngestGateway} as one {@link io.vigil.event.RawBatch} per index,
 * and answer like Elasticsearch once they are durable.
 *
 * <p>Read {@link io.vigil.ingest.bulk.BulkRequestParser} first (pure, streaming over lines), then
 * {@link io.vigil.ingest.bulk.BulkIngest} (batching, acknowledgement, response). HTTP concerns (auth,
 * gzip, size limits) stay in {@code io.vigil.web}.
 *
 * <p>Cost: each line is copied once out of the read buffer; a document is proven to be one JSON object by
 * {@code StrictJsonObject} without allocating, and only lines it cannot prove go to
 * Jackson (which words the per-item error); the response is written as it goes, not built as a tree.
 *
 * <p>Invariants: nothing is acknowledged (201) before the gateway's future completes; a malformed document
 * is never dropped — it is journaled as sent and answered with a per-item 400, so the parse stage stores it
 * as a parse failure with its original text; one bad item never fails the others. All classes are
 * stateless or immutable and thread-safe.
 */
package io.vigil.ingest.bulk;
