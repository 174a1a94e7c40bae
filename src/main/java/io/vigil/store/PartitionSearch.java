package io.vigil.store;

import io.vigil.event.EcsFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * One search over a set of day partitions, already acquired, in ascending day order (that order is the
 * cross-partition tie-breaker). Totals are exact (a count per partition); hits are the global top
 * {@code size} after {@code search_after}, merged with Lucene's own comparators; aggregations see every match.
 */
final class PartitionSearch {
    private static final long DAY_MILLIS = 86_400_000L;

    /** A partition and the searcher acquired on it. */
    record Opened(Partition partition, IndexSearcher searcher) {}

    private final List<Opened> opened;
    private final SearchRequest request;
    private final Query query;
    private final RawEvents raw;

    PartitionSearch(List<Opened> opened, SearchRequest request, Query query, RawEvents raw) {
        this.raw = raw;
        this.opened = opened;
        this.request = request;
        this.query = query;
    }

    SearchResult run(int maxTermsWalked, long startNanos) throws IOException {
        long total = 0;
        for (Opened o : opened) total += o.searcher().count(queryFor(o.partition()));
        List<SearchResult.Hit> hits = request.size() == 0 ? List.of() : hits();
        Map<String, AggregationResult> aggs = aggregations(maxTermsWalked);
        return new SearchResult(total, hits, aggs, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** The query restricted to [from, to) unless the partition's day lies wholly inside it. */
    private Query queryFor(Partition p) {
        long dayStart = p.day * DAY_MILLIS;
        if (dayStart >= request.from() && dayStart + DAY_MILLIS <= request.to()) return query;
        return new BooleanQuery.Builder()
                .add(query, Occur.FILTER)
                .add(LongPoint.newRangeQuery(EcsFields.TIMESTAMP, request.from(), request.to() - 1), Occur.FILTER)
                .build();
    }

    private List<SearchResult.Hit> hits() throws IOException {
        SortSpec spec = new SortSpec(request.sort());
        Object[] afterValues = request.searchAfter().isEmpty() ? null : spec.luceneValues(request.searchAfter());
        TopFieldDocs[] perPartition = new TopFieldDocs[opened.size()];
        for (int i = 0; i < opened.size(); i++) {
            Opened o = opened.get(i);
            FieldDoc after = afterValues == null ? null : new FieldDoc(afterDoc(o.partition()), Float.NaN, afterValues);
            TopFieldDocs docs = o.searcher().search(queryFor(o.partition()),
                    new TopFieldCollectorManager(spec.sort(), request.size(), after, request.size()));
            for (ScoreDoc d : docs.scoreDocs) d.shardIndex = i;
            perPartition[i] = docs;
        }
        TopFieldDocs merged = TopDocs.merge(spec.sort(), 0, request.size(), perPartition);
        List<SearchResult.Hit> hits = new ArrayList<>(merged.scoreDocs.length);
        for (ScoreDoc d : merged.scoreDocs) {
            Opened o = opened.get(d.shardIndex);
            var doc = o.searcher().storedFields().document(d.doc, EventDocuments.STORED);
            hits.add(new SearchResult.Hit(EventDocuments.toEvent(doc, raw), spec.exposed((FieldDoc) d, o.partition().name, d.doc)));
        }
        return hits;
    }

    /** Doc id bound for search_after in a partition: ties in earlier partitions were all returned, in later ones none. */
    private int afterDoc(Partition p) {
        int cmp = p.name.compareTo(SortSpec.afterPartition(request.searchAfter()));
        if (cmp < 0) return Integer.MAX_VALUE;
        if (cmp > 0) return -1;
        return SortSpec.afterDoc(request.searchAfter());
    }

    private Map<String, AggregationResult> aggregations(int maxTermsWalked) throws IOException {
        if (request.aggs().isEmpty()) return Map.of();
        Map<String, Aggregations.Accumulator> accumulators = new LinkedHashMap<>();
        request.aggs().forEach((name, agg) -> accumulators.put(name,
                Aggregations.accumulator(agg, request.from(), request.to(), maxTermsWalked)));
        for (Opened o : opened) {
            IndexSearcher searcher = o.searcher();
            Weight weight = searcher.createWeight(searcher.rewrite(queryFor(o.partition())), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) continue;
                FixedBitSet matches = new FixedBitSet(leaf.reader().maxDoc());
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) matches.set(doc);
                for (Aggregations.Accumulator acc : accumulators.values()) acc.collect(leaf, matches);
            }
        }
        Map<String, AggregationResult> results = new LinkedHashMap<>();
        accumulators.forEach((name, acc) -> results.put(name, acc.result()));
        return results;
    }
}
