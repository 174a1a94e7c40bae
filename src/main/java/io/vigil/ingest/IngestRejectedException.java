package io.vigil.ingest;

/** Vigil cannot accept this batch now; the sender should retry after {@link #retryAfterSeconds()}. */
public final class IngestRejectedException extends RuntimeException {
    private final int retryAfterSeconds;

    public IngestRejectedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
