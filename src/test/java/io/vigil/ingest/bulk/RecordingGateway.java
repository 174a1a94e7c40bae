package io.vigil.ingest.bulk;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import io.vigil.ingest.IngestRejectedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A test double of the journal's door: records every batch and completes its future, or fails it as told
 * (per batch, so tests can reject one index and accept another).
 */
public final class RecordingGateway implements IngestGateway {
    private final List<RawBatch> batches = new CopyOnWriteArrayList<>();
    private volatile Function<RawBatch, RuntimeException> failure = batch -> null;

    @Override
    public CompletableFuture<Void> submit(RawBatch batch) {
        batches.add(batch);
        RuntimeException error = failure.apply(batch);
        return error == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(error);
    }

    public List<RawBatch> batches() {
        return List.copyOf(batches);
    }

    public void rejectAll(int retryAfterSeconds) {
        failure = batch -> new IngestRejectedException("journal is full", retryAfterSeconds);
    }

    public void failWhen(Function<RawBatch, RuntimeException> rule) {
        failure = rule;
    }

    public void acceptAll() {
        failure = batch -> null;
    }
}
