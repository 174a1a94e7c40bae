package io.vigil.store;

import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.NumericUtils;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

/**
 * Counts, per distinct value of one field, the matching documents that have it: from doc values when the
 * field is aggregatable, else by walking at most {@code maxTermsWalked} terms per segment (then {@link #capped}).
 * Not thread-safe.
 */
final class ValueCounts {
    /** Receives a numeric value and how many matching documents have it. */
    interface NumberSink {
        void accept(double value, long times);
    }

    private final String field;
    private final EcsType type;
    private final boolean docValues;
    private final int maxTermsWalked;
    private final SearchCancellation cancellation;
    private final Map<String, Long> counts = new HashMap<>();
    private boolean capped;

    ValueCounts(String field, PartitionSearch.Limits limits) {
        this.field = field;
        this.type = EcsSchema.typeOf(field);
        this.docValues = EcsSchema.isAggregatable(field) && type != EcsType.DATE && type != EcsType.TEXT;
        this.maxTermsWalked = limits.maxTermsWalked();
        this.cancellation = limits.cancellation();
    }

    static int next(FixedBitSet bits, int from) {
        return from >= bits.length() ? NO_MORE_DOCS : bits.nextSetBit(from);
    }

    Map<String, Long> counts() {
        return counts;
    }

    boolean capped() {
        return capped;
    }

    void collect(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
        if (!docValues) {
            walkTerms(leaf, matches, (term, count) -> counts.merge(term, count, Long::sum));
        } else if (type == EcsType.LONG || type == EcsType.DOUBLE) {
            collectNumericDocValues(leaf, matches, (value, times) -> counts.merge(numberKey(value), times, Long::sum));
        } else {
            collectSortedSet(leaf, matches);
        }
    }

    /** Numeric values of the matching docs (doc values, or terms parsed as numbers). */
    void collectNumbers(LeafReaderContext leaf, FixedBitSet matches, NumberSink sink) throws IOException {
        if (docValues && (type == EcsType.LONG || type == EcsType.DOUBLE)) {
            collectNumericDocValues(leaf, matches, sink);
            return;
        }
        walkTerms(leaf, matches, (term, count) -> {
            Double d = FieldValues.toDouble(term);
            if (d != null) sink.accept(d, count);
        });
    }

    private String numberKey(double value) {
        return type == EcsType.LONG ? Long.toString((long) value) : Double.toString(value);
    }

    private void collectNumericDocValues(LeafReaderContext leaf, FixedBitSet matches, NumberSink sink) throws IOException {
        SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(field);
        if (values == null) return;
        long visited = 0;
        for (int doc = next(matches, 0); doc != NO_MORE_DOCS; doc = next(matches, doc + 1)) {
            cancellation.checkEvery(++visited);
            if (!values.advanceExact(doc)) continue;
            for (int i = 0; i < values.docValueCount(); i++) {
                long raw = values.nextValue();
                sink.accept(type == EcsType.DOUBLE ? NumericUtils.sortableLongToDouble(raw) : raw, 1);
            }
        }
    }

    private void collectSortedSet(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
        SortedSetDocValues values = leaf.reader().getSortedSetDocValues(field);
        if (values == null) return;
        long[] perOrd = new long[Math.toIntExact(values.getValueCount())];
        long visited = 0;
        for (int doc = next(matches, 0); doc != NO_MORE_DOCS; doc = next(matches, doc + 1)) {
            cancellation.checkEvery(++visited);
            if (!values.advanceExact(doc)) continue;
            for (int i = 0; i < values.docValueCount(); i++) perOrd[(int) values.nextOrd()]++;
        }
        for (int ord = 0; ord < perOrd.length; ord++) {
            if (perOrd[ord] > 0) counts.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
        }
    }

    private interface TermSink {
        void accept(String term, long count);
    }

    /**
     * Each term of the field with its count of matching documents; for an ECS copy ({@link EcsCopies}) also the
     * source's terms, counted only in the documents where the copy was elided.
     */
    private void walkTerms(LeafReaderContext leaf, FixedBitSet matches, TermSink sink) throws IOException {
        Walk walk = new Walk();
        walkTerms(leaf.reader().terms(field), matches, sink, walk);
        String source = EcsCopies.sourceOf(field);
        if (source == null || capped) return;
        FixedBitSet elided = elidedCopies(leaf, matches);
        if (elided != null) walkTerms(leaf.reader().terms(source), elided, sink, walk);
    }

    /** Terms walked and documents visited so far in one segment: the cap covers a field and its source together. */
    private static final class Walk {
        int walked;
        long visited;
    }

    /** The matching documents whose value of the field was elided as a copy, or null when none. */
    private FixedBitSet elidedCopies(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
        Terms markers = leaf.reader().terms(EcsCopies.COPIED);
        if (markers == null) return null;
        TermsEnum termsEnum = markers.iterator();
        if (!termsEnum.seekExact(new BytesRef(field))) return null;
        FixedBitSet elided = new FixedBitSet(matches.length());
        PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != NO_MORE_DOCS && doc < matches.length(); doc = postings.nextDoc()) {
            if (matches.get(doc)) elided.set(doc);
        }
        return elided;
    }

    private void walkTerms(Terms terms, FixedBitSet matches, TermSink sink, Walk walk) throws IOException {
        if (terms == null) return;
        TermsEnum termsEnum = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
            cancellation.check();
            if (walk.walked++ >= maxTermsWalked) {
                capped = true;
                return;
            }
            postings = termsEnum.postings(postings, PostingsEnum.NONE);
            long count = 0;
            for (int doc = postings.nextDoc(); doc != NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (doc < matches.length() && matches.get(doc)) count++;
                cancellation.checkEvery(++walk.visited);
            }
            if (count > 0) sink.accept(term.utf8ToString(), count);
        }
    }
}
