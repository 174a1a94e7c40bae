package io.vigil.ingest.syslog;

import java.time.Duration;

/** When {@link SyslogInputs#close()} stops waiting for pending batches. Thread-safe. */
final class CloseDeadline {
    private volatile boolean closing;
    private volatile long deadlineNanos;

    /** Starts closing: from now on listeners stop reading, and waiting ends after {@code timeout}. */
    void start(Duration timeout) {
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        closing = true;
    }

    boolean closing() {
        return closing;
    }

    boolean passed() {
        return closing && System.nanoTime() - deadlineNanos >= 0;
    }

    /** Nanoseconds left before the deadline (0 if passed; a large value while not closing). */
    long remainingNanos() {
        if (!closing) {
            return Long.MAX_VALUE / 4;
        }
        return Math.max(0, deadlineNanos - System.nanoTime());
    }
}
