package io.vigil.cases.action;

import java.time.Duration;

/**
 * How often a failed send is tried and how long to wait between tries: {@code initial_backoff_ms}, then
 * doubling (1 s, 2 s, 4 s …). Only retryable failures (5xx, timeouts, connection errors) are retried.
 *
 * @param attempts total tries including the first
 */
public record RetryPolicy(int attempts, long initialBackoffMs) {
    public static final RetryPolicy DEFAULTS = new RetryPolicy(3, 1000);

    public RetryPolicy {
        if (attempts < 1 || attempts > 10) throw new IllegalArgumentException("actions.retry.attempts must be 1..10, got " + attempts);
        if (initialBackoffMs < 0 || initialBackoffMs > 60_000) {
            throw new IllegalArgumentException("actions.retry.initial_backoff_ms must be 0..60000, got " + initialBackoffMs);
        }
    }

    /** The wait before try {@code attempt} (2-based: the first retry waits the initial backoff). */
    public Duration backoffBefore(int attempt) {
        return Duration.ofMillis(initialBackoffMs << Math.max(0, attempt - 2));
    }
}
