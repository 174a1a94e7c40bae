package io.vigil.ingest.bulk;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import io.vigil.ingest.IngestRejectedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How one submitted {@link RawBatch} ended: durable, rejected for now (retry later), or failed. */
public sealed interface BatchOutcome {
    record Durable() implements BatchOutcome {
    }

    record Rejected(String reason, int retryAfterSeconds) implements BatchOutcome {
    }

    record Failed(String reason) implements BatchOutcome {
    }

    /** Submits without waiting; a synchronous rejection becomes an already-failed future. */
    static CompletableFuture<Void> submit(IngestGateway gateway, RawBatch batch) {
        try {
            return gateway.submit(batch);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for the journal's acknowledgement at most {@code timeout}. */
    static BatchOutcome await(CompletableFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Durable();
        } catch (ExecutionException e) {
            return fromFailure(e.getCause());
        } catch (TimeoutException e) {
            return new Failed("the journal did not acknowledge within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted while waiting for the journal");
        }
    }

    static BatchOutcome fromFailure(Throwable cause) {
        if (cause instanceof IngestRejectedException rejected) {
            return new Rejected(rejected.getMessage(), Math.max(1, rejected.retryAfterSeconds()));
        }
        return new Failed("the journal could not store the batch: " + cause);
    }
}
