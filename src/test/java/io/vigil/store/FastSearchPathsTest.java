package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast paths of a search — histograms counted from the points index, histograms into arrays, pages searched
 * in time windows — against a straightforward computation over the same events kept in a list. The store holds
 * more matches than {@code PageSearch} answers in one plain pass, in several segments over three days.
 * Seed: {@code -Dvigil.seed=N} (printed in every assertion message).
 */
class FastSearchPathsTest {
    private static final long SEED = Long.getLong("vigil.seed", 20261129L);
    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2026-11-26T00:00:00Z").toEpochMilli();
    private static final long[] BURSTS = {START + 7_000_000, START + DAY + 50_000_000, START + 2 * DAY + 3_600_000};
    private static final String[] HOSTS = {"alpha", "beta", "gamma"};

    @TempDir
    static Path dir;
    private static LuceneEventStore store;
    private static final List<Event> events = new ArrayList<>();

    @BeforeAll
    static void fill() throws IOException {
        store = LuceneEventStore.open(new LuceneEventStore.Options(dir, 4, 10_000, Clock.systemUTC()));
        Random random = new Random(SEED);
        long position = 1;
        Set<Long> seen = new HashSet<>();
        for (int batch = 0; batch < 12; batch++) {
            List<StoredEvent> added = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                // Distinct timestamps (the page's order among ties depends on doc ids, checked elsewhere).
                long ts;
                do {
                    // Half in three ten-minute bursts: time windows sized for evenly spread matches must widen.
                    ts = random.nextBoolean() ? START + random.nextLong(3 * DAY) : BURSTS[random.nextInt(3)] + random.nextLong(600_000);
                } while (!seen.add(ts));
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("@timestamp", Instant.ofEpochMilli(ts).toString());
                // "delta" fills the first burst and is rare elsewhere: its matches are not spread like the events,
                // so windows sized for them fall short and must widen.
                boolean firstBurst = ts >= BURSTS[0] && ts < BURSTS[0] + 600_000;
                fields.put("host.name", firstBurst || random.nextInt(100) == 0 ? "delta" : HOSTS[random.nextInt(HOSTS.length)]);
                Event event = new Event("e" + events.size(), ts, fields);
                events.add(event);
                added.add(new StoredEvent(event, ("raw " + event.id()).getBytes(StandardCharsets.UTF_8)));
            }
            // One batch in time order, as live events arrive: its neighbours in time are neighbours in doc ids.
            if (batch == 10) added.sort(Comparator.comparingLong(e -> e.event().timestamp()));
            store.add(added, position++);
            store.refresh();
            if (batch % 4 == 3) store.commit();
        }
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    @Test
    void histogramOfAllEventsEqualsCountingEachTimestamp() throws IOException {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 40; round++) {
            long from = START - DAY / 2 + random.nextLong(4 * DAY);
            long to = from + 1 + random.nextLong(3 * DAY);
            long interval = round % 3 == 0 ? 3_600_000L : 1 + random.nextLong(DAY / 100);
            checkHistogram(StoreQuery.all(), from, to, interval);
        }
        checkHistogram(StoreQuery.all(), START, START + 3 * DAY, 1_800_000L);
    }

    @Test
    void histogramOfATermEqualsCountingEachMatchingTimestamp() throws IOException {
        Random random = new Random(SEED + 2);
        for (int round = 0; round < 20; round++) {
            long from = START - DAY / 2 + random.nextLong(4 * DAY);
            long to = from + 1 + random.nextLong(3 * DAY);
            checkHistogram(new StoreQuery.Term("host.name", HOSTS[round % 3]), from, to, 60_000L * (1 + random.nextInt(120)));
        }
    }

    @Test
    void pagesInBothTimeOrdersEqualSortingAllMatches() throws IOException {
        Random random = new Random(SEED + 3);
        int windowed = 0;
        for (int round = 0; round < 24; round++) {
            long from = START - DAY / 2 + random.nextLong(DAY);
            long to = from + DAY + random.nextLong(2 * DAY);
            StoreQuery query = round % 2 == 0 ? StoreQuery.all() : new StoreQuery.Term("host.name", round % 3 == 0 ? "delta" : HOSTS[round % 3]);
            boolean descending = round % 4 < 2;
            if (checkPages(query, from, to, 1 + random.nextInt(300), descending) > PageSearch.PLAIN_MAX_MATCHES) windowed++;
        }
        assertThat(windowed).as("rounds with enough matches to be searched in time windows").isGreaterThan(12);
    }

    private void checkHistogram(StoreQuery query, long from, long to, long interval) throws IOException {
        TreeMap<Long, Long> expected = new TreeMap<>();
        for (long b = Math.floorDiv(from, interval); b <= Math.floorDiv(to - 1, interval); b++) expected.put(b * interval, 0L);
        long matching = 0;
        for (Event e : matching(query, from, to)) {
            expected.merge(Math.floorDiv(e.timestamp(), interval) * interval, 1L, Long::sum);
            matching++;
        }
        SearchResult result = store.search(new SearchRequest(query, from, to, 0, List.of(), List.of(),
                Map.of("h", new Aggregation.DateHistogram("@timestamp", interval))));
        var histogram = (AggregationResult.DateHistogram) result.aggs().get("h");
        Map<Long, Long> actual = new TreeMap<>();
        for (AggregationResult.TimeBucket b : histogram.buckets()) actual.put(b.start(), b.count());
        String what = "seed %d, %s in [%d, %d) per %d ms".formatted(SEED, query, from, to, interval);
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(result.total()).as(what).isEqualTo(matching);
    }

    /** Returns the number of matches. */
    private int checkPages(StoreQuery query, long from, long to, int size, boolean descending) throws IOException {
        Comparator<Event> byTime = Comparator.comparingLong(Event::timestamp);
        List<String> expected = matching(query, from, to).stream().sorted(descending ? byTime.reversed() : byTime)
                .map(Event::id).toList();
        var sort = List.of(new SearchRequest.SortField("@timestamp", descending));
        List<String> actual = new ArrayList<>();
        List<Object> after = List.of();
        for (int page = 0; page < 3; page++) {
            SearchResult result = store.search(new SearchRequest(query, from, to, size, sort, after, Map.of()));
            result.hits().forEach(hit -> actual.add(hit.event().id()));
            if (result.hits().size() < size) break;
            after = result.hits().getLast().sortValues();
        }
        String what = "seed %d, %s in [%d, %d), %d per page, %s".formatted(SEED, query, from, to, size, descending ? "desc" : "asc");
        assertThat(actual).as(what).isEqualTo(expected.subList(0, Math.min(expected.size(), 3 * size)));
        return expected.size();
    }

    private static List<Event> matching(StoreQuery query, long from, long to) {
        return events.stream()
                .filter(e -> e.timestamp() >= from && e.timestamp() < to)
                .filter(e -> !(query instanceof StoreQuery.Term t) || t.value().equals(e.fields().get(t.field())))
                .toList();
    }
}
