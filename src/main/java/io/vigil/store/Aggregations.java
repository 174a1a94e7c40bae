package io.vigil.store;

import io.vigil.event.EcsFields;
import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
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

        /**
         * When every document of the segment whose timestamp lies in the searched range matches (a match-all
         * query), an accumulator may count them without a bit set, e.g. from the points index. Returns false
         * when it cannot; then {@link #collect} is called instead.
         */
        default boolean collectWholeSegment(LeafReaderContext leaf) throws IOException {
            return false;
        }

        /**
         * Collects the matches straight from the query's iterator, in doc-id order, when this is the only
         * accumulator of the segment (no bit set to build). Returns false when it cannot; then {@link #collect}.
         */
        default boolean collectStream(LeafReaderContext leaf, DocIdSetIterator matches) throws IOException {
            return false;
        }

        AggregationResult result();
    }

    private Aggregations() {}

    static Accumulator accumulator(Aggregation aggregation, long from, long to, PartitionSearch.Limits limits) {
        return switch (aggregation) {
            case Aggregation.Terms t -> new TermsAccumulator(new ValueCounts(t.field(), limits), t.size());
            case Aggregation.Cardinality c -> new CardinalityAccumulator(new ValueCounts(c.field(), limits));
            case Aggregation.DateHistogram h -> new HistogramAccumulator(h, from, to, limits.cancellation());
            case Aggregation.Stats s -> new StatsAccumulator(s.field(), limits);
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
        private final TimeHistogram histogram;
        private final SearchCancellation cancellation;

        HistogramAccumulator(Aggregation.DateHistogram h, long from, long to, SearchCancellation cancellation) {
            this.cancellation = cancellation;
            if (!h.field().equals(EcsFields.TIMESTAMP)) {
                throw new IllegalArgumentException("date histogram on " + h.field() + " is not supported: only "
                        + EcsFields.TIMESTAMP + " has per-document dates");
            }
            this.histogram = new TimeHistogram(h.intervalMillis(), from, to);
        }

        @Override
        public void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
            histogram.addMatches(leaf.reader(), matches, cancellation);
        }

        @Override
        public boolean collectStream(LeafReaderContext leaf, DocIdSetIterator matches) throws IOException {
            histogram.addMatches(leaf.reader(), matches, cancellation);
            return true;
        }

        @Override
        public boolean collectWholeSegment(LeafReaderContext leaf) throws IOException {
            if (!TimeHistogram.canCountFromPoints(leaf.reader())) return false;
            histogram.addWholeSegment(leaf.reader());
            return true;
        }

        @Override
        public AggregationResult result() {
            return histogram.result();
        }
    }

    private static final class StatsAccumulator implements Accumulator {
        private final ValueCounts values;
        private final boolean timestamp;
        private final SearchCancellation cancellation;
        private long count;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;

        StatsAccumulator(String field, PartitionSearch.Limits limits) {
            EcsType type = EcsSchema.typeOf(field);
            if (type != EcsType.LONG && type != EcsType.DOUBLE && type != EcsType.DATE) {
                throw new IllegalArgumentException("stats need a numeric field; " + field + " is " + type);
            }
            this.timestamp = field.equals(EcsFields.TIMESTAMP);
            this.values = new ValueCounts(field, limits);
            this.cancellation = limits.cancellation();
        }

        @Override
        public void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
            if (!timestamp) {
                values.collectNumbers(leaf, matches, this::add);
                return;
            }
            NumericDocValues ts = leaf.reader().getNumericDocValues(EcsFields.TIMESTAMP);
            if (ts == null) return;
            long visited = 0;
            for (int doc = ValueCounts.next(matches, 0); doc != NO_MORE_DOCS; doc = ValueCounts.next(matches, doc + 1)) {
                if (ts.advanceExact(doc)) add(ts.longValue(), 1);
                cancellation.checkEvery(++visited);
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
