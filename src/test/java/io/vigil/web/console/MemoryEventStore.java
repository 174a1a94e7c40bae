package io.vigil.web.console;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import io.vigil.store.Aggregation;
import io.vigil.store.AggregationResult;
import io.vigil.store.EventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import io.vigil.store.StoreQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small EventStore for the browser tests: events in a list, queries evaluated directly, newest-first sort
 * on {@code @timestamp} with search_after, terms and date_histogram aggregations. Text matching is a
 * case-insensitive "contains"; keyword matching is case-insensitive equality. Not a Lucene model, just enough
 * for the console to be exercised end to end.
 */
final class MemoryEventStore implements EventStore {
    private final List<Event> events = new CopyOnWriteArrayList<>();

    void addAll(List<Event> more) {
        events.addAll(more);
    }

    @Override
    public void add(List<StoredEvent> stored, long position) {
        stored.forEach(s -> events.add(s.event()));
    }

    @Override
    public SearchResult search(SearchRequest request) {
        List<Event> matches = events.stream()
                .filter(e -> e.timestamp() >= request.from() && e.timestamp() < request.to())
                .filter(e -> matches(request.query(), e))
                .sorted(Comparator.comparingLong(Event::timestamp).reversed().thenComparing(Event::id, Comparator.reverseOrder()))
                .toList();
        List<Event> page = page(matches, request.searchAfter(), request.size());
        List<SearchResult.Hit> hits = page.stream().map(e -> new SearchResult.Hit(e, List.of(e.timestamp(), e.id()))).toList();
        Map<String, AggregationResult> aggs = new LinkedHashMap<>();
        request.aggs().forEach((name, agg) -> aggs.put(name, aggregate(agg, matches, request)));
        return new SearchResult(matches.size(), hits, aggs, 1);
    }

    private static List<Event> page(List<Event> sorted, List<Object> after, int size) {
        int start = 0;
        if (!after.isEmpty()) {
            long ts = ((Number) after.get(0)).longValue();
            String id = after.size() > 1 ? after.get(1).toString() : "";
            while (start < sorted.size() && (sorted.get(start).timestamp() > ts
                    || sorted.get(start).timestamp() == ts && sorted.get(start).id().compareTo(id) >= 0)) {
                start++;
            }
        }
        return sorted.subList(start, Math.min(sorted.size(), start + size));
    }

    private static AggregationResult aggregate(Aggregation agg, List<Event> matches, SearchRequest request) {
        return switch (agg) {
            case Aggregation.Terms t -> {
                Map<String, Long> counts = matches.stream().flatMap(e -> values(e, t.field()).stream())
                        .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
                List<AggregationResult.Bucket> top = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(t.size())
                        .map(en -> new AggregationResult.Bucket(en.getKey(), en.getValue())).toList();
                long shown = top.stream().mapToLong(AggregationResult.Bucket::count).sum();
                yield new AggregationResult.Terms(top, counts.values().stream().mapToLong(Long::longValue).sum() - shown);
            }
            case Aggregation.DateHistogram d -> {
                long first = Math.floorDiv(request.from(), d.intervalMillis()) * d.intervalMillis();
                List<AggregationResult.TimeBucket> buckets = new ArrayList<>();
                for (long start = first; start < request.to(); start += d.intervalMillis()) {
                    long s = start;
                    buckets.add(new AggregationResult.TimeBucket(start, matches.stream()
                            .filter(e -> e.timestamp() >= s && e.timestamp() < s + d.intervalMillis()).count()));
                }
                yield new AggregationResult.DateHistogram(d.intervalMillis(), buckets);
            }
            case Aggregation.Cardinality c -> new AggregationResult.Cardinality(
                    matches.stream().flatMap(e -> values(e, c.field()).stream()).distinct().count());
            case Aggregation.Stats s -> new AggregationResult.Stats(0, Double.NaN, Double.NaN, Double.NaN, 0);
        };
    }

    static boolean matches(StoreQuery query, Event e) {
        return switch (query) {
            case StoreQuery.MatchAll m -> true;
            case StoreQuery.Term t -> anyValue(e, t.field(), v -> v.equalsIgnoreCase(t.value())
                    || t.field() == null && v.toLowerCase(Locale.ROOT).contains(t.value().toLowerCase(Locale.ROOT)));
            case StoreQuery.Phrase p -> anyValue(e, p.field(), v -> v.toLowerCase(Locale.ROOT).contains(p.text().toLowerCase(Locale.ROOT)));
            case StoreQuery.Wildcard w -> {
                Pattern pattern = Pattern.compile(Pattern.quote(w.pattern()).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"),
                        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
                yield anyValue(e, w.field(), v -> pattern.matcher(v).matches());
            }
            case StoreQuery.Range r -> false;
            case StoreQuery.Exists x -> e.get(x.field()) != null;
            case StoreQuery.Ids ids -> ids.ids().contains(e.id());
            case StoreQuery.Bool b -> b.must().stream().allMatch(q -> matches(q, e))
                    && (b.should().isEmpty() || b.should().stream().anyMatch(q -> matches(q, e)))
                    && b.mustNot().stream().noneMatch(q -> matches(q, e));
        };
    }

    private static boolean anyValue(Event e, String field, java.util.function.Predicate<String> test) {
        if (field == null) {
            return e.fields().keySet().stream().anyMatch(f -> values(e, f).stream().anyMatch(test));
        }
        return values(e, field).stream().anyMatch(test);
    }

    private static List<String> values(Event e, String field) {
        Object value = e.get(field);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(value.toString());
    }

    @Override public void refresh() {}
    @Override public void commit() {}
    @Override public long replayFrom() { return 0; }
    @Override public Optional<Event> get(String id) { return events.stream().filter(e -> e.id().equals(id)).findFirst(); }
    @Override public Optional<byte[]> original(String id) { return Optional.empty(); }
    @Override public int applyRetention(Duration maxAge, long maxBytes) { return 0; }
    @Override public List<PartitionStats> stats() { return List.of(); }
    @Override public void close() {}
}
