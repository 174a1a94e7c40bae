package io.vigil.store;

import io.vigil.event.EcsFields;
import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.FixedBitSet;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

/**
 * Aggregations over the matching documents, accumulated leaf by leaf across every partition searched.
 *
 * <p>Terms and cardinality read doc values when the field is {@link EcsSchema#isAggregatable}; otherwise they
 * walk the field's terms dictionary and intersect each term's postings with the matches, up to
 * {@code maxTermsWalked} terms per segment. When that cap was hit the result is incomplete: a Terms result
 * then has {@code otherCount == -1}, and a Cardinality is a lower bound. Not thread-safe: one per search.
 */
final class Aggregations {
    /** Largest date histogram the store builds, empty buckets included. */
    static final int MAX_BUCKETS = 10_000;

    /** Accumulates one aggregation over matching docs, one segment at a time. */
    interface Accumulator {
        void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException;

        AggregationResult result();
    }

    private Aggregations() {}

    static Accumulator accumulator(Aggregation aggregation, long from, long to, int maxTermsWalked) {
        return switch (aggregation) {
            case Aggregation.Terms t -> new TermsAccumulator(new ValueCounts(t.field(), maxTermsWalked), t.size());
            case Aggregation.Cardinality c -> new CardinalityAccumulator(new ValueCounts(c.field(), maxTermsWalked));
            case Aggregation.DateHistogram h -> new HistogramAccumulator(h, from, to);
            case Aggregation.Stats s -> new StatsAccumulator(s.field(), maxTermsWalked);
        };
    }

    private record TermsAccumulator(ValueCounts counts, int size) implements Accumulator {
        TermsAccumulator {
            if (size < 1) throw new IllegalArgumentException("terms aggregation size must be >= 1, got " + size);
        }

        @Override
        public void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
            counts.collect(leaf, matches);
        }

        @Override
        public AggregationResult result() {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.counts().entrySet());
            entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            List<AggregationResult.Bucket> buckets = new ArrayList<>();
            long other = 0;
            for (int i = 0; i < entries.size(); i++) {
                if (i < size) buckets.add(new AggregationResult.Bucket(entries.get(i).getKey(), entries.get(i).getValue()));
                else other += entries.get(i).getValue();
            }
            return new AggregationResult.Terms(buckets, counts.capped() ? -1 : other);
        }
    }

    private record CardinalityAccumulator(ValueCounts counts) implements Accumulator {
        @Override
        public void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
            counts.collect(leaf, matches);
        }

        @Override
        public AggregationResult result() {
            return new AggregationResult.Cardinality(counts.counts().size());
        }
    }

    private static final class HistogramAccumulator implements Accumulator {
        private final long interval;
        private final long from;
        private final long to;
        private final Map<Long, Long> counts = new HashMap<>();

        HistogramAccumulator(Aggregation.DateHistogram h, long from, long to) {
            if (!h.field().equals(EcsFields.TIMESTAMP)) {
                throw new IllegalArgumentException("date histogram on " + h.field() + " is not supported: only "
                        + EcsFields.TIMESTAMP + " has per-document dates");
            }
            if (h.intervalMillis() <= 0) throw new IllegalArgumentException("histogram interval must be > 0 ms, got " + h.intervalMillis());
            this.interval = h.intervalMillis();
            this.from = from;
            this.to = to;
            if (bounded() && bucketCount(start(from), start(to - 1)) > MAX_BUCKETS) throw tooMany(start(from), start(to - 1));
        }

        private boolean bounded() {
            return from != Long.MIN_VALUE && to != Long.MAX_VALUE && from < to;
        }

        private long start(long t) {
            return Math.floorDiv(t, interval) * interval;
        }

        /** Buckets from first to last inclusive; Long.MAX_VALUE when the span overflows (always too many). */
        private long bucketCount(long first, long last) {
            long span = last - first;
            if (span < 0) return Long.MAX_VALUE;
            return span / interval + 1;
        }

        private IllegalArgumentException tooMany(long first, long last) {
            return new IllegalArgumentException("date histogram would have " + bucketCount(first, last) + " buckets of "
                    + interval + " ms (limit " + MAX_BUCKETS + "): use a larger interval or a shorter time range");
        }

        @Override
        public void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
            NumericDocValues values = leaf.reader().getNumericDocValues(EcsFields.TIMESTAMP);
            if (values == null) return;
            for (int doc = ValueCounts.next(matches, 0); doc != NO_MORE_DOCS; doc = ValueCounts.next(matches, doc + 1)) {
                if (values.advanceExact(doc)) counts.merge(start(values.longValue()), 1L, Long::sum);
            }
        }

        @Override
        public AggregationResult result() {
            if (counts.isEmpty() && !bounded()) return new AggregationResult.DateHistogram(interval, List.of());
            long first = bounded() ? start(from) : counts.keySet().stream().min(Long::compare).orElseThrow();
            long last = bounded() ? start(to - 1) : counts.keySet().stream().max(Long::compare).orElseThrow();
            if (bucketCount(first, last) > MAX_BUCKETS) throw tooMany(first, last);
            List<AggregationResult.TimeBucket> buckets = new ArrayList<>();
            for (long t = first; t <= last; t += interval) buckets.add(new AggregationResult.TimeBucket(t, counts.getOrDefault(t, 0L)));
            return new AggregationResult.DateHistogram(interval, buckets);
        }
    }

    private static final class StatsAccumulator implements Accumulator {
        private final ValueCounts values;
        private final boolean timestamp;
        private long count;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;

        StatsAccumulator(String field, int maxTermsWalked) {
            EcsType type = EcsSchema.typeOf(field);
            if (type != EcsType.LONG && type != EcsType.DOUBLE && type != EcsType.DATE) {
                throw new IllegalArgumentException("stats need a numeric field; " + field + " is " + type);
            }
            this.timestamp = field.equals(EcsFields.TIMESTAMP);
            this.values = new ValueCounts(field, maxTermsWalked);
        }

        @Override
        public void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
            if (!timestamp) {
                values.collectNumbers(leaf, matches, this::add);
                return;
            }
            NumericDocValues ts = leaf.reader().getNumericDocValues(EcsFields.TIMESTAMP);
            if (ts == null) return;
            for (int doc = ValueCounts.next(matches, 0); doc != NO_MORE_DOCS; doc = ValueCounts.next(matches, doc + 1)) {
                if (ts.advanceExact(doc)) add(ts.longValue(), 1);
            }
        }

        private void add(double value, long times) {
            count += times;
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value * times;
        }

        @Override
        public AggregationResult result() {
            if (count == 0) return new AggregationResult.Stats(0, Double.NaN, Double.NaN, Double.NaN, 0);
            return new AggregationResult.Stats(count, min, max, sum / count, sum);
        }
    }
}
