package io.vigil.journal;

/** The journal reached its size cap; the sender should retry after {@code retryAfterSeconds}. */
public final class JournalFullException extends RuntimeException {
    private final int retryAfterSeconds;

    public JournalFullException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
