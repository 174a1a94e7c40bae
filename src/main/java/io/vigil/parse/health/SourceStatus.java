package io.vigil.parse.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@link SourceHealth#snapshot()}: rates are per second, 1-minute and 5-minute moving averages;
 * counts are since the source was first seen by this process.
 */
public record SourceStatus(String name, double eventsPerSecond, double eventsPerSecond5m, double bytesPerSecond,
                           double bytesPerSecond5m, long events, long bytes, long parseFailures,
                           double parseFailuresPerSecond, Instant firstSeen, Instant lastEvent, boolean silent) {
    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastEvent, "lastEvent");
    }

    /** Failed lines as a share of all lines, 0 when there were none. */
    public double parseFailureRatio() {
        return events == 0 ? 0 : (double) parseFailures / events;
    }
}
