package io.vigil.store;

import io.vigil.event.EcsFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The requested page of hits of one search: the global top {@code size} after {@code search_after}, merged across
 * partitions with Lucene's comparators and the ({@code partition}, {@code doc}) tie-breakers of {@link SortSpec}.
 *
 * <p>Sorted by {@code @timestamp} (the console's newest-first), a plain top-k over millions of matches is slow
 * when documents arrive in time order: sorting newest first, every document beats the one before it, so the
 * collector's queue changes on every hit and nothing can be skipped. The page is therefore searched in time
 * windows, starting at the newest (or, ascending, the oldest) end of the range, until the windows searched hold
 * {@code size} hits: a window's hits all beat every hit of the windows after it, so the result is exactly the
 * plain top-k. Thread-safe if the searchers are (one call per page).
 */
final class PageSearch {
    /** Up to this many matches, one plain top-k pass is cheap enough. */
    static final long PLAIN_MAX_MATCHES = 5_000;
    private static final int WIDENING = 4;
    /** Resolution of the profile that sizes the windows: about 10,000 events per bucket for 10 M in a day. */
    private static final int PROFILE_BUCKETS = 1024;

    private final List<PartitionSearch.Opened> opened;
    private final SearchRequest request;
    private final PartitionSearch.QueryScope scope;
    private final RawEvents raw;
    private final SortSpec spec;
    private final Object[] afterValues;
    private final SearchCancellation cancellation;

    /** Checks the sort and {@code search_after} at once: a bad one is an {@link IllegalArgumentException}. */
    PageSearch(List<PartitionSearch.Opened> opened, SearchRequest request, PartitionSearch.QueryScope scope, RawEvents raw,
               SearchCancellation cancellation) {
        this.raw = raw;
        this.cancellation = cancellation;
        this.opened = opened;
        this.request = request;
        this.scope = scope;
        this.spec = new SortSpec(request.sort());
        this.afterValues = request.searchAfter().isEmpty() ? null : spec.luceneValues(request.searchAfter());
    }

    /** The page; {@code total} is the exact number of matches (it sizes the first time window). */
    List<SearchResult.Hit> hits(long total) throws IOException {
        if (total == 0 || request.size() == 0) return List.of();
        SearchRequest.SortField first = request.sort().getFirst();
        boolean byTime = first.field().equals(EcsFields.TIMESTAMP) && request.from() < request.to();
        List<TopFieldDocs> parts = byTime && total > PLAIN_MAX_MATCHES
                ? windowed(first.descending(), total)
                : search(request.from(), request.to());
        cancellation.check(); // the searchers stop on it with a partial page: never return that
        if (parts.isEmpty()) return List.of();
        TopFieldDocs merged = TopDocs.merge(spec.sort(), 0, request.size(), parts.toArray(TopFieldDocs[]::new));
        List<SearchResult.Hit> hits = new ArrayList<>(merged.scoreDocs.length);
        var documents = HitDocuments.load(merged.scoreDocs, opened);
        for (int i = 0; i < documents.length; i++) {
            ScoreDoc d = merged.scoreDocs[i];
            String partition = opened.get(d.shardIndex).partition().name;
            hits.add(new SearchResult.Hit(EventDocuments.toEvent(documents[i], raw), spec.exposed((FieldDoc) d, partition, d.doc)));
        }
        return hits;
    }

    /**
     * Windows from the newest (descending) or oldest end until they hold a full page. A profile of how many
     * documents lie where in time (from the points index) sizes each window to hold about twice the hits still
     * missing, at the query's overall rate of matches per document; each window after a short one is sized for
     * four times more.
     */
    private List<TopFieldDocs> windowed(boolean descending, long total) throws IOException {
        // Clipped to the days searched: the range may be unbounded, and nothing lies outside them anyway.
        long lo = Math.max(request.from(), opened.getFirst().partition().start());
        long hi = Math.min(request.to(), opened.getLast().partition().end());
        if (afterValues != null && afterValues[0] instanceof Long after) {
            // Ties on the after value may still follow it (the doc tie-breaker decides), so it stays inside.
            if (descending) hi = Math.min(hi, after + 1); else lo = Math.max(lo, after);
        }
        if (lo >= hi) return List.of();
        TimeHistogram profile = profile(lo, hi);
        if (profile == null) return search(request.from(), request.to());
        double docsPerMatch = Math.max(1.0, (double) profile.total() / total);
        int step = descending ? -1 : 1;
        int next = descending ? profile.bucketCount() - 1 : 0;
        List<TopFieldDocs> parts = new ArrayList<>();
        int found = 0;
        for (double growth = 1; found < request.size() && next >= 0 && next < profile.bucketCount(); growth *= WIDENING) {
            double wanted = 2.0 * (request.size() - found) * docsPerMatch * growth;
            int first = next;
            long docs = 0;
            do {
                docs += profile.count(next);
                next += step;
            } while (docs < wanted && next >= 0 && next < profile.bucketCount());
            int last = next - step;
            long windowFrom = Math.max(lo, profile.bucketStart(descending ? last : first));
            long windowTo = Math.min(hi, profile.bucketStart(descending ? first : last) + profile.interval());
            List<TopFieldDocs> window = search(windowFrom, windowTo);
            for (TopFieldDocs docsFound : window) found += docsFound.scoreDocs.length;
            parts.addAll(window);
        }
        return parts;
    }

    /** About how many documents lie in each time bucket of [lo, hi), from the points; null if not countable so. */
    private TimeHistogram profile(long lo, long hi) throws IOException {
        TimeHistogram profile = new TimeHistogram(Math.max(1, Math.ceilDiv(hi - lo, PROFILE_BUCKETS)), lo, hi);
        for (PartitionSearch.Opened o : opened) {
            if (!o.partition().overlaps(lo, hi)) continue;
            for (LeafReaderContext leaf : o.searcher().getIndexReader().leaves()) {
                cancellation.check();
                if (!TimeHistogram.canCountFromPoints(leaf.reader())) return null;
                profile.estimateWholeSegment(leaf.reader());
            }
        }
        return profile;
    }

    /** The top {@code size} of each partition overlapping [from, to), with their partition index as shard index. */
    private List<TopFieldDocs> search(long from, long to) throws IOException {
        List<TopFieldDocs> parts = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            PartitionSearch.Opened o = opened.get(i);
            if (!o.partition().overlaps(from, to)) continue;
            Query query = scope.restrictedTo(o.partition(), from, to);
            FieldDoc after = afterValues == null ? null : new FieldDoc(afterDoc(o.partition()), Float.NaN, afterValues);
            TopFieldDocs docs = o.searcher().search(query,
                    new TopFieldCollectorManager(spec.sort(), request.size(), after, request.size()));
            cancellation.check();
            for (ScoreDoc d : docs.scoreDocs) d.shardIndex = i;
            parts.add(docs);
        }
        return parts;
    }

    /** Doc id bound for search_after in a partition: ties in earlier partitions were all returned, in later ones none. */
    private int afterDoc(Partition p) {
        int cmp = p.name.compareTo(SortSpec.afterPartition(request.searchAfter()));
        if (cmp < 0) return Integer.MAX_VALUE;
        if (cmp > 0) return -1;
        return SortSpec.afterDoc(request.searchAfter());
    }
}
