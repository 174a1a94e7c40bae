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
 */
public record WebLimits(long maxBulkBytes, long maxJsonBytes, Duration ingestAckTimeout, Duration sessionIdle) {
    public WebLimits {
        if (maxBulkBytes <= 0 || maxJsonBytes <= 0) {
            throw new IllegalArgumentException("body limits must be positive: bulk " + maxBulkBytes + ", json " + maxJsonBytes);
        }
        Objects.requireNonNull(ingestAckTimeout, "ingestAckTimeout");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
    }

    /** 100 MiB bulk bodies, 1 MiB JSON bodies, 30 s ingest acknowledgement, 8 h idle sessions. */
    public static WebLimits defaults() {
        return new WebLimits(100L << 20, 1L << 20, Duration.ofSeconds(30), Duration.ofHours(8));
    }
}
