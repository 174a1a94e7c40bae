package io.vigil.ingest;

import io.vigil.event.RawBatch;
import java.util.concurrent.CompletableFuture;

/**
 * Where every input hands its raw batches. The future completes once the batch is durable (journaled and
 * fsynced); only then may the input acknowledge to its sender. It fails with {@link IngestRejectedException}
 * when Vigil cannot take more now (full journal, full disk, shutting down).
 */
public interface IngestGateway {
    CompletableFuture<Void> submit(RawBatch batch);
}
