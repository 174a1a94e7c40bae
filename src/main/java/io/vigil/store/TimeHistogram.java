package io.vigil.store;

import io.vigil.event.EcsFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PointValues.IntersectVisitor;
import org.apache.lucene.index.PointValues.PointTree;
import org.apache.lucene.index.PointValues.Relation;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

/**
 * Counts of {@code @timestamp} per fixed interval within [{@code from}, {@code to}), in a plain {@code long[]}
 * (no boxing, no per-hit objects). Two ways in:
 * <ul>
 *   <li>{@link #addMatches}: the timestamps of the matching documents, read from doc values in doc-id order.</li>
 *   <li>{@link #addWholeSegment}: every document of a segment, counted from the points index (BKD tree) without
 *       touching single documents: a cell whose [min, max] lies inside one bucket adds its point count at once,
 *       so only the cells that straddle a bucket boundary are read value by value. Exact when the segment has
 *       no deletions and one timestamp point per document ({@link #canCountFromPoints}).</li>
 * </ul>
 * Buckets start at multiples of the interval (epoch-aligned). Not thread-safe: one per search.
 */
final class TimeHistogram {
    private final long interval;
    private final long from;
    private final long to;
    /** Bucket number (timestamp / interval, floored) of {@code counts[0]}. */
    private long base;
    private long[] counts = new long[0];

    TimeHistogram(long intervalMillis, long from, long to) {
        if (intervalMillis <= 0) throw new IllegalArgumentException("histogram interval must be > 0 ms, got " + intervalMillis);
        this.interval = intervalMillis;
        this.from = from;
        this.to = to;
        if (bounded()) {
            long buckets = bucketCount(bucketOf(from), bucketOf(to - 1));
            if (buckets > Aggregations.MAX_BUCKETS) throw tooMany(buckets);
            base = bucketOf(from);
            counts = new long[(int) buckets];
        }
    }

    private boolean bounded() {
        return from != Long.MIN_VALUE && to != Long.MAX_VALUE && from < to;
    }

    private long bucketOf(long t) {
        return Math.floorDiv(t, interval);
    }

    private static long bucketCount(long firstBucket, long lastBucket) {
        long span = lastBucket - firstBucket;
        return span < 0 ? Long.MAX_VALUE : span + 1;
    }

    private IllegalArgumentException tooMany(long buckets) {
        return new IllegalArgumentException("date histogram would have " + buckets + " buckets of " + interval
                + " ms (limit " + Aggregations.MAX_BUCKETS + "): use a larger interval or a shorter time range");
    }

    /** Adds {@code n} to the bucket of {@code t}; {@code t} must lie in [from, to). */
    private void add(long t, long n) {
        long i = bucketOf(t) - base;
        if (i < 0 || i >= counts.length) {
            grow(bucketOf(t));
            i = bucketOf(t) - base;
        }
        counts[(int) i] += n;
    }

    /** Only when unbounded: widens the array to hold {@code bucket}, or fails if that makes too many buckets. */
    private void grow(long bucket) {
        if (counts.length == 0) {
            base = bucket;
            counts = new long[1];
            return;
        }
        long first = Math.min(base, bucket);
        long last = Math.max(base + counts.length - 1, bucket);
        long buckets = bucketCount(first, last);
        if (buckets > Aggregations.MAX_BUCKETS) throw tooMany(buckets);
        long[] wider = new long[(int) buckets];
        System.arraycopy(counts, 0, wider, (int) (base - first), counts.length);
        base = first;
        counts = wider;
    }

    private boolean inRange(long t) {
        return t >= from && t < to;
    }

    /** Adds the timestamp of every document set in {@code matches}. */
    void addMatches(LeafReader reader, FixedBitSet matches, SearchCancellation cancellation) throws IOException {
        NumericDocValues values = reader.getNumericDocValues(EcsFields.TIMESTAMP);
        if (values == null) return;
        int length = matches.length();
        long visited = 0;
        for (int doc = length == 0 ? NO_MORE_DOCS : matches.nextSetBit(0); doc != NO_MORE_DOCS;
             doc = doc + 1 >= length ? NO_MORE_DOCS : matches.nextSetBit(doc + 1)) {
            cancellation.checkEvery(++visited);
            if (values.advanceExact(doc)) {
                long t = values.longValue();
                if (inRange(t)) add(t, 1);
            }
        }
    }

    /** Adds the timestamp of every document the iterator (fresh, unpositioned) yields. */
    void addMatches(LeafReader reader, DocIdSetIterator matches, SearchCancellation cancellation) throws IOException {
        NumericDocValues values = reader.getNumericDocValues(EcsFields.TIMESTAMP);
        if (values == null) return;
        long visited = 0;
        for (int doc = matches.nextDoc(); doc != NO_MORE_DOCS; doc = matches.nextDoc()) {
            cancellation.checkEvery(++visited);
            if (values.advanceExact(doc)) {
                long t = values.longValue();
                if (inRange(t)) add(t, 1);
            }
        }
    }

    /** True when {@link #addWholeSegment} gives exactly what {@link #addMatches} over all documents would. */
    static boolean canCountFromPoints(LeafReader reader) throws IOException {
        if (reader.hasDeletions()) return false;
        PointValues points = reader.getPointValues(EcsFields.TIMESTAMP);
        return points == null || points.size() == points.getDocCount();
    }

    /** Adds every document of the segment whose timestamp lies in [from, to); see {@link #canCountFromPoints}. */
    void addWholeSegment(LeafReader reader) throws IOException {
        PointValues points = reader.getPointValues(EcsFields.TIMESTAMP);
        if (points != null) addCell(points.getPointTree(), new ValueVisitor());
    }

    /**
     * Like {@link #addWholeSegment}, but a leaf cell (up to 512 points) that straddles a bucket boundary goes
     * wholly to the bucket of its smallest value in range: an estimate of where documents lie in time, at the
     * cost of a walk down the tree only, for when exact counts are not needed.
     */
    void estimateWholeSegment(LeafReader reader) throws IOException {
        PointValues points = reader.getPointValues(EcsFields.TIMESTAMP);
        if (points != null) addCell(points.getPointTree(), null);
    }

    /** With a null visitor, leaf cells are not read value by value (see {@link #estimateWholeSegment}). */
    private void addCell(PointTree cell, ValueVisitor visitor) throws IOException {
        long min = LongPoint.decodeDimension(cell.getMinPackedValue(), 0);
        long max = LongPoint.decodeDimension(cell.getMaxPackedValue(), 0);
        if (max < from || min >= to) return;
        if (min >= from && max < to && bucketOf(min) == bucketOf(max)) {
            add(min, cell.size());
        } else if (cell.moveToChild()) {
            do {
                addCell(cell, visitor);
            } while (cell.moveToSibling());
            cell.moveToParent();
        } else if (visitor != null) {
            cell.visitDocValues(visitor);
        } else {
            add(Math.max(min, from), cell.size());
        }
    }

    /** Reads the values of a leaf cell that straddles a bucket or range boundary. */
    private final class ValueVisitor implements IntersectVisitor {
        @Override
        public void visit(int docID) {
            throw new IllegalStateException("a timestamp cell was visited without its values");
        }

        @Override
        public void visit(int docID, byte[] packedValue) {
            long t = LongPoint.decodeDimension(packedValue, 0);
            if (inRange(t)) add(t, 1);
        }

        @Override
        public Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
            return Relation.CELL_CROSSES_QUERY;
        }
    }

    /** Buckets from {@code from} to {@code to} (or from the first to the last value when unbounded), empty ones included. */
    AggregationResult.DateHistogram result() {
        List<AggregationResult.TimeBucket> buckets = new ArrayList<>(counts.length);
        // Unbounded, the array only ever grew to buckets that hold a value, so its ends are never empty.
        for (int i = 0; i < counts.length; i++) buckets.add(new AggregationResult.TimeBucket((base + i) * interval, counts[i]));
        return new AggregationResult.DateHistogram(interval, buckets);
    }

    long interval() {
        return interval;
    }

    int bucketCount() {
        return counts.length;
    }

    /** Start of bucket {@code i} (epoch millis); it ends one interval later. */
    long bucketStart(int i) {
        return (base + i) * interval;
    }

    long count(int i) {
        return counts[i];
    }

    /** Sum of all buckets: the number of documents counted. */
    long total() {
        long sum = 0;
        for (long c : counts) sum += c;
        return sum;
    }
}
