package io.vigil.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Request limits and timeouts.
 *
 * @param maxBulkBytes     largest ingest body ({@code _bulk}, {@code /api/events}), after gzip decompression too
 * @param maxJsonBytes     largest body of every other route
 * @param ingestAckTimeout how long an ingest request waits for the journal's acknowledgement before 503
 * @param sessionIdle      a console session ends after this long without a request
 * @param sessionMax       a console session ends this long after login, however active (absolute timeout)
 */
public record WebLimits(long maxBulkBytes, long maxJsonBytes, Duration ingestAckTimeout, Duration sessionIdle,
                        Duration sessionMax) {
    public WebLimits {
        if (maxBulkBytes <= 0 || maxJsonBytes <= 0) {
            throw new IllegalArgumentException("body limits must be positive: bulk " + maxBulkBytes + ", json " + maxJsonBytes);
        }
        Objects.requireNonNull(ingestAckTimeout, "ingestAckTimeout");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(sessionMax, "sessionMax");
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionMax.compareTo(sessionIdle) < 0) {
            throw new IllegalArgumentException("session timeouts must satisfy 0 < idle <= max, got idle " + sessionIdle
                    + ", max " + sessionMax);
        }
    }

    /** With the default 12-hour absolute session limit (or {@code sessionIdle} if longer). */
    public WebLimits(long maxBulkBytes, long maxJsonBytes, Duration ingestAckTimeout, Duration sessionIdle) {
        this(maxBulkBytes, maxJsonBytes, ingestAckTimeout, sessionIdle,
                sessionIdle.compareTo(Duration.ofHours(12)) > 0 ? sessionIdle : Duration.ofHours(12));
    }

    /** 100 MiB bulk bodies, 1 MiB JSON bodies, 30 s ingest acknowledgement, sessions 30 min idle / 12 h max. */
    public static WebLimits defaults() {
        return new WebLimits(100L << 20, 1L << 20, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(12));
    }

    public WebLimits withSessions(Duration idle, Duration max) {
        return new WebLimits(maxBulkBytes, maxJsonBytes, ingestAckTimeout, idle, max);
    }
}
