package io.vigil.store;

import java.util.List;

/** The result of one {@link Aggregation}. */
public sealed interface AggregationResult {
    record Bucket(String key, long count) {}

    record Terms(List<Bucket> buckets, long otherCount) implements AggregationResult {
        public Terms {
            buckets = List.copyOf(buckets);
        }
    }

    /** Buckets keyed by their start in epoch millis, ascending; empty buckets included between first and last. */
    record DateHistogram(long intervalMillis, List<TimeBucket> buckets) implements AggregationResult {
        public DateHistogram {
            buckets = List.copyOf(buckets);
        }
    }

    record TimeBucket(long start, long count) {}

    record Cardinality(long value) implements AggregationResult {}

    record Stats(long count, double min, double max, double avg, double sum) implements AggregationResult {}
}
