package io.vigil.detect.correlate;

/**
 * Memory caps of the correlation state.
 *
 * @param maxGroups         group windows kept over all correlations; beyond it the least recently updated
 *                          group is dropped
 * @param maxEventsPerGroup events kept per group window; beyond it the oldest event is dropped
 */
public record CorrelationLimits(int maxGroups, int maxEventsPerGroup) {

    public static final CorrelationLimits DEFAULT = new CorrelationLimits(100_000, 10_000);

    public CorrelationLimits {
        if (maxGroups < 1) throw new IllegalArgumentException("detect.correlation.max_groups must be >= 1, got " + maxGroups);
        if (maxEventsPerGroup < 2) {
            throw new IllegalArgumentException("detect.correlation.max_events_per_group must be >= 2, got " + maxEventsPerGroup);
        }
    }
}
