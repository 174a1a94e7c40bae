package io.vigil.store;

import io.vigil.event.EcsFields;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * One search over a set of day partitions, already acquired, in ascending day order (that order is the
 * cross-partition tie-breaker). Totals are exact (a count per partition); hits are the global top
 * {@code size} after {@code search_after} ({@link PageSearch}); aggregations see every match. The page of hits
 * is searched on a second (virtual) thread while this one aggregates: the two share nothing but the searchers.
 */
final class PartitionSearch {
    /** A partition and the searcher acquired on it. */
    record Opened(Partition partition, IndexSearcher searcher) {}

    /** What bounds the work of one search: the terms walked per segment, and the caller's cancellation. */
    record Limits(int maxTermsWalked, SearchCancellation cancellation) {
        Limits {
            Objects.requireNonNull(cancellation, "cancellation");
        }
    }

    /** The translated query and the request's time range, restricted per partition. */
    record QueryScope(Query query, long from, long to) {
        /** The query restricted to [from, to) unless the partition's day lies wholly inside it. */
        Query forPartition(Partition p) {
            if (p.start() >= from && p.end() <= to) return query;
            return restrictedTo(p, from, to);
        }

        /** The query restricted to [windowFrom, windowTo) ∩ [from, to). */
        Query restrictedTo(Partition p, long windowFrom, long windowTo) {
            long lower = Math.max(Math.max(from, windowFrom), p.start());
            long upper = Math.min(Math.min(to, windowTo), p.end()) - 1;
            // Points when the range is the selective part, doc values to check the hits of a selective query.
            Query range = new IndexOrDocValuesQuery(LongPoint.newRangeQuery(EcsFields.TIMESTAMP, lower, upper),
                    NumericDocValuesField.newSlowRangeQuery(EcsFields.TIMESTAMP, lower, upper));
            return new BooleanQuery.Builder().add(query, Occur.FILTER).add(range, Occur.FILTER).build();
        }
    }

    private final List<Opened> opened;
    private final SearchRequest request;
    private final QueryScope scope;
    private final RawEvents raw;
    private final Limits limits;
    private final SearchCancellation cancellation;

    PartitionSearch(List<Opened> opened, SearchRequest request, Query query, RawEvents raw, Limits limits) {
        this.limits = limits;
        this.cancellation = limits.cancellation();
        this.raw = raw;
        this.opened = opened;
        this.request = request;
        this.scope = new QueryScope(query, request.from(), request.to());
    }

    /** Checks {@link Limits#cancellation()} between Lucene calls and in every loop over documents. */
    SearchResult run(long startNanos) throws IOException {
        Map<String, Aggregations.Accumulator> accumulators = new LinkedHashMap<>();
        request.aggs().forEach((name, agg) -> accumulators.put(name,
                Aggregations.accumulator(agg, request.from(), request.to(), limits)));
        PageSearch pageSearch = request.size() == 0 ? null
                : new PageSearch(opened, request, scope, raw, cancellation); // validates sort
        long total = 0;
        for (Opened o : opened) {
            total += o.searcher().count(scope.forPartition(o.partition()));
            cancellation.check(); // a timed-out count is partial: never report it
        }
        if (request.size() == 0 || total == 0) {
            return new SearchResult(total, List.of(), aggregate(accumulators), (System.nanoTime() - startNanos) / 1_000_000);
        }
        long matches = total;
        FutureTask<List<SearchResult.Hit>> page = new FutureTask<>(() -> pageSearch.hits(matches));
        Thread.ofVirtual().name("vigil-search-page").start(page);
        try {
            Map<String, AggregationResult> aggs = aggregate(accumulators);
            return new SearchResult(total, await(page), aggs, (System.nanoTime() - startNanos) / 1_000_000);
        } finally {
            finish(page);
        }
    }

    private static List<SearchResult.Hit> await(FutureTask<List<SearchResult.Hit>> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while searching the page of hits");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error error -> throw error;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        }
    }

    /** The caller releases the searchers when we return: the page thread must be done with them by then. */
    private static void finish(FutureTask<List<SearchResult.Hit>> page) {
        boolean interrupted = false;
        while (!page.isDone()) {
            try {
                page.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // reported by await, or superseded by the aggregation's own failure
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** A match-all search: the accumulators that could not count the whole segment themselves. */
    private static List<Aggregations.Accumulator> notCountedWhole(Iterable<Aggregations.Accumulator> accumulators,
                                                                  LeafReaderContext leaf) throws IOException {
        List<Aggregations.Accumulator> pending = new ArrayList<>();
        for (Aggregations.Accumulator acc : accumulators) if (!acc.collectWholeSegment(leaf)) pending.add(acc);
        return pending;
    }

    private Map<String, AggregationResult> aggregate(Map<String, Aggregations.Accumulator> accumulators) throws IOException {
        if (accumulators.isEmpty()) return Map.of();
        boolean matchAll = scope.query() instanceof MatchAllDocsQuery;
        for (Opened o : opened) {
            IndexSearcher searcher = o.searcher();
            Weight weight = null;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                List<Aggregations.Accumulator> pending = matchAll
                        ? notCountedWhole(accumulators.values(), leaf) : List.copyOf(accumulators.values());
                if (pending.isEmpty()) continue;
                cancellation.check();
                if (weight == null) {
                    weight = searcher.createWeight(searcher.rewrite(scope.forPartition(o.partition())), ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) continue;
                if (pending.size() == 1 && pending.getFirst().collectStream(leaf, scorer.iterator())) continue;
                FixedBitSet matches = new FixedBitSet(leaf.reader().maxDoc());
                DocIdSetIterator it = scorer.iterator();
                long visited = 0;
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    matches.set(doc);
                    cancellation.checkEvery(++visited);
                }
                for (Aggregations.Accumulator acc : pending) acc.collect(leaf, matches);
            }
        }
        cancellation.check();
        Map<String, AggregationResult> results = new LinkedHashMap<>();
        accumulators.forEach((name, acc) -> results.put(name, acc.result()));
        return results;
    }
}
