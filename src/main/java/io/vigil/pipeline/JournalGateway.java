package io.vigil.pipeline;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import io.vigil.ingest.IngestRejectedException;
import io.vigil.journal.Journal;
import io.vigil.journal.JournalFullException;
import io.vigil.journal.RawBatchFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The gateway every input uses: a batch is acknowledged once the journal has made it durable.
 * Journal pressure becomes {@link IngestRejectedException} (HTTP 429 / TCP backpressure), never a drop.
 */
public final class JournalGateway implements IngestGateway {
    private final Journal journal;
    private volatile boolean closed;

    public JournalGateway(Journal journal) {
        this.journal = journal;
    }

    @Override
    public CompletableFuture<Void> submit(RawBatch batch) {
        if (closed) return CompletableFuture.failedFuture(new IngestRejectedException("Vigil is shutting down", 5));
        if (batch.lines().isEmpty()) return CompletableFuture.completedFuture(null);
        CompletableFuture<Long> appended;
        try {
            appended = journal.append(RawBatchFormat.encode(batch));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(e));
        }
        return appended.handle((position, error) -> {
            if (error != null) throw new CompletionException(translate(unwrap(error)));
            return null;
        });
    }

    /** Refuses new batches; batches already submitted still complete. */
    public void close() {
        closed = true;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static RuntimeException translate(Throwable t) {
        if (t instanceof JournalFullException full) {
            return new IngestRejectedException("journal is full: " + full.getMessage(), full.retryAfterSeconds());
        }
        if (t instanceof IllegalStateException closedJournal) {
            return new IngestRejectedException("journal is closed: " + closedJournal.getMessage(), 5);
        }
        if (t instanceof java.io.IOException io) {
            return new IngestRejectedException("journal write failed (" + io.getMessage() + "); not acknowledged", 10);
        }
        return t instanceof RuntimeException r ? r : new CompletionException(t);
    }
}
