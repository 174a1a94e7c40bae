package io.vigil.search;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import io.vigil.store.Aggregation;
import io.vigil.store.AggregationResult;
import io.vigil.store.EventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import io.vigil.store.StoreQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A test double of {@link EventStore} that evaluates {@link StoreQuery} naively over a list, enough to check
 * request handling and response rendering. Keyword semantics everywhere (exact, case-sensitive), except that
 * the default field ({@code message}) matches words case-insensitively. Remembers the last request.
 */
final class InMemoryEventStore implements EventStore {
    private final List<Event> events = new ArrayList<>();
    SearchRequest lastRequest;
    IOException failure;

    InMemoryEventStore add(Event... more) {
        events.addAll(List.of(more));
        return this;
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        lastRequest = request;
        if (failure != null) throw failure;
        List<Event> matching = events.stream()
                .filter(e -> e.timestamp() >= request.from() && e.timestamp() < request.to())
                .filter(e -> InMemoryMatcher.matches(request.query(), e)).toList();
        Comparator<List<Object>> order = sortOrder(request.sort());
        List<SearchResult.Hit> hits = matching.stream()
                .map(e -> new SearchResult.Hit(e, sortValues(e, request.sort())))
                .filter(h -> request.searchAfter().isEmpty() || order.compare(h.sortValues(), request.searchAfter()) > 0)
                .sorted(Comparator.comparing(SearchResult.Hit::sortValues, order))
                .limit(request.size()).toList();
        Map<String, AggregationResult> aggs = new LinkedHashMap<>();
        request.aggs().forEach((name, agg) -> aggs.put(name, aggregate(agg, matching)));
        return new SearchResult(matching.size(), hits, aggs, 1);
    }

    private static List<Object> sortValues(Event e, List<SearchRequest.SortField> sort) {
        List<Object> values = new ArrayList<>();
        for (SearchRequest.SortField f : sort) {
            values.add(f.field().equals("@timestamp") ? (Object) e.timestamp() : String.valueOf(e.text(f.field())));
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<List<Object>> sortOrder(List<SearchRequest.SortField> sort) {
        return (a, b) -> {
            for (int i = 0; i < sort.size(); i++) {
                int c = ((Comparable) a.get(i)).compareTo(b.get(i));
                if (c != 0) return sort.get(i).descending() ? -c : c;
            }
            return 0;
        };
    }

    private static AggregationResult aggregate(Aggregation agg, List<Event> events) {
        return switch (agg) {
            case Aggregation.Terms t -> {
                Map<String, Long> counts = events.stream().flatMap(e -> InMemoryMatcher.values(e, t.field()).stream())
                        .collect(Collectors.groupingBy(Object::toString, Collectors.counting()));
                List<AggregationResult.Bucket> all = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(en -> new AggregationResult.Bucket(en.getKey(), en.getValue())).toList();
                List<AggregationResult.Bucket> top = all.subList(0, Math.min(t.size(), all.size()));
                yield new AggregationResult.Terms(top, all.stream().skip(top.size()).mapToLong(AggregationResult.Bucket::count).sum());
            }
            case Aggregation.DateHistogram h -> histogram(h, events);
            case Aggregation.Cardinality c -> new AggregationResult.Cardinality(
                    events.stream().flatMap(e -> InMemoryMatcher.values(e, c.field()).stream()).distinct().count());
            case Aggregation.Stats s -> {
                var stats = events.stream().flatMap(e -> InMemoryMatcher.values(e, s.field()).stream())
                        .filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).summaryStatistics();
                yield new AggregationResult.Stats(stats.getCount(), stats.getMin(), stats.getMax(), stats.getAverage(), stats.getSum());
            }
        };
    }

    private static AggregationResult histogram(Aggregation.DateHistogram h, List<Event> events) {
        TreeMap<Long, Long> counts = new TreeMap<>();
        for (Event e : events) counts.merge(Math.floorDiv(e.timestamp(), h.intervalMillis()) * h.intervalMillis(), 1L, Long::sum);
        List<AggregationResult.TimeBucket> buckets = new ArrayList<>();
        if (!counts.isEmpty()) {
            for (long t = counts.firstKey(); t <= counts.lastKey(); t += h.intervalMillis()) {
                buckets.add(new AggregationResult.TimeBucket(t, counts.getOrDefault(t, 0L)));
            }
        }
        return new AggregationResult.DateHistogram(h.intervalMillis(), buckets);
    }

    @Override public void add(List<StoredEvent> batch, long position) { batch.forEach(s -> events.add(s.event())); }
    @Override public void refresh() {}
    @Override public void commit() {}
    @Override public long replayFrom() { return 0; }
    @Override public Optional<Event> get(String id) { return events.stream().filter(e -> e.id().equals(id)).findFirst(); }
    @Override public Optional<byte[]> original(String id) { return Optional.empty(); }
    @Override public int applyRetention(Duration maxAge, long maxBytes) { return 0; }
    @Override public List<PartitionStats> stats() { return List.of(); }
    @Override public void close() {}
}
