package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour every {@link EventStore} must have. Implementations extend this and provide {@link #open}.
 * Events are placed on a fixed day (2026-11-29 UTC) unless a test says otherwise.
 */
public abstract class EventStoreConformanceTest {
    protected static final long T0 = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();
    protected static final long DAY = 86_400_000L;

    @TempDir
    protected Path dir;
    protected EventStore store;

    /** Opens (creating if needed) a store keeping its data in {@code dir}. */
    protected abstract EventStore open(Path dir) throws IOException;

    /** Closes the store cleanly and opens it again on the same data. */
    protected EventStore reopen(EventStore current, Path dir) throws IOException {
        current.close();
        return open(dir);
    }

    @BeforeEach
    void openStore() throws IOException {
        store = open(dir);
    }

    @AfterEach
    void closeStore() throws IOException {
        store.close();
    }

    protected static StoredEvent event(String id, long ts, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@timestamp", Instant.ofEpochMilli(ts).toString());
        for (int i = 0; i < keyValues.length; i += 2) fields.put((String) keyValues[i], keyValues[i + 1]);
        return new StoredEvent(new Event(id, ts, fields), ("raw " + id).getBytes(StandardCharsets.UTF_8));
    }

    protected void addAndRefresh(long position, StoredEvent... events) throws IOException {
        store.add(List.of(events), position);
        store.refresh();
    }

    protected SearchResult find(StoreQuery query) throws IOException {
        return store.search(SearchRequest.of(query, T0 - 30 * DAY, T0 + 30 * DAY, 100));
    }

    protected Set<String> ids(StoreQuery query) throws IOException {
        Set<String> ids = new HashSet<>();
        for (SearchResult.Hit hit : find(query).hits()) ids.add(hit.event().id());
        return ids;
    }

    private void addSample() throws IOException {
        addAndRefresh(1,
                event("a", T0, "message", "Failed password for root from 10.0.0.5", "host.name", "web-1",
                        "source.ip", "10.0.0.5", "source.port", 2222L, "event.severity", 3L, "tags", List.of("ssh", "auth")),
                event("b", T0 + 1000, "message", "Accepted password for alice", "host.name", "web-2",
                        "source.ip", "192.168.1.20", "source.port", 40000L, "event.severity", 1L, "user.name", "alice"),
                event("c", T0 + 2000, "message", "password failed twice", "host.name", "Web-1",
                        "source.ip", "10.0.3.9", "event.severity", 5L, "tags", List.of("auth")));
    }

    @Test
    void refreshedEventsAreSearchableNewestFirst() throws IOException {
        addSample();
        SearchResult all = find(StoreQuery.all());
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.hits()).extracting(h -> h.event().id()).containsExactly("c", "b", "a");
        assertThat(all.hits().getFirst().event().get("event.severity")).isEqualTo(5L);
    }

    @Test
    void keywordTermIsExactAndCaseSensitive() throws IOException {
        addSample();
        assertThat(ids(new StoreQuery.Term("host.name", "web-1"))).containsExactly("a");
        assertThat(ids(new StoreQuery.Term("host.name", "Web-1"))).containsExactly("c");
        assertThat(ids(new StoreQuery.Term("tags", "auth"))).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void textTermNeedsAllWordsInAnyCaseAndPhraseNeedsOrder() throws IOException {
        addSample();
        assertThat(ids(new StoreQuery.Term(null, "PASSWORD failed"))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(new StoreQuery.Phrase("message", "failed password"))).containsExactly("a");
        assertThat(ids(new StoreQuery.Phrase("message", "password failed"))).containsExactly("c");
    }

    @Test
    void wildcardIsCaseSensitiveOnKeywordsAndPerWordOnText() throws IOException {
        addSample();
        assertThat(ids(new StoreQuery.Wildcard("host.name", "web-*"))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(new StoreQuery.Wildcard("message", "ACCEPT*"))).containsExactly("b");
    }

    @Test
    void ipFieldsMatchExactlyByCidrAndByRange() throws IOException {
        addSample();
        assertThat(ids(new StoreQuery.Term("source.ip", "10.0.0.5"))).containsExactly("a");
        assertThat(ids(new StoreQuery.Term("source.ip", "10.0.0.0/16"))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(new StoreQuery.Range("source.ip", "10.0.0.6", true, "192.168.1.20", false))).containsExactly("c");
    }

    @Test
    void numbersMatchByValueAndByRange() throws IOException {
        addSample();
        assertThat(ids(new StoreQuery.Term("source.port", "2222"))).containsExactly("a");
        assertThat(ids(new StoreQuery.Range("event.severity", "1", false, "5", true))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(new StoreQuery.Range("event.severity", null, false, "3", false))).containsExactly("b");
        assertThatThrownBy(() -> find(new StoreQuery.Range("event.severity", "now-15m", true, null, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.severity");
    }

    @Test
    void existsBoolAndIdsCombine() throws IOException {
        addSample();
        assertThat(ids(new StoreQuery.Exists("user.name"))).containsExactly("b");
        assertThat(ids(StoreQuery.Bool.not(new StoreQuery.Exists("tags")))).containsExactly("b");
        assertThat(ids(StoreQuery.Bool.or(List.of(new StoreQuery.Term("host.name", "web-2"), new StoreQuery.Term("tags", "ssh")))))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ids(new StoreQuery.Bool(List.of(new StoreQuery.Term("tags", "auth")), List.of(),
                List.of(new StoreQuery.Term("host.name", "web-1"))))).containsExactly("c");
        assertThat(ids(new StoreQuery.Ids(List.of("a", "c", "zzz")))).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void timeRangeIncludesFromAndExcludesTo() throws IOException {
        addSample();
        SearchResult r = store.search(SearchRequest.of(StoreQuery.all(), T0 + 1000, T0 + 2000, 10));
        assertThat(r.hits()).extracting(h -> h.event().id()).containsExactly("b");
        assertThat(r.total()).isEqualTo(1);
    }

    @Test
    void emptyTimeRangeMatchesNothing() throws IOException {
        addSample();
        assertThat(store.search(SearchRequest.of(StoreQuery.all(), T0, T0, 10)).total()).isZero();
        assertThat(store.search(SearchRequest.of(StoreQuery.all(), Long.MIN_VALUE, Long.MIN_VALUE, 10)).total()).isZero();
        assertThat(store.search(SearchRequest.of(StoreQuery.all(), Long.MIN_VALUE, Long.MAX_VALUE, 10)).total()).isEqualTo(3);
    }

    @Test
    void aggregationsCountTheMatchingEvents() throws IOException {
        addSample();
        Map<String, Aggregation> aggs = Map.of(
                "hosts", new Aggregation.Terms("host.name", 1),
                "tags", new Aggregation.Terms("tags", 10),
                "distinctHosts", new Aggregation.Cardinality("host.name"),
                "severity", new Aggregation.Stats("event.severity"),
                "perSecond", new Aggregation.DateHistogram("@timestamp", 1000));
        SearchResult r = store.search(new SearchRequest(StoreQuery.all(), T0 - 1000, T0 + 4000, 0, List.of(), List.of(), aggs));
        assertThat(r.hits()).isEmpty();
        var hosts = (AggregationResult.Terms) r.aggs().get("hosts");
        assertThat(hosts.buckets()).containsExactly(new AggregationResult.Bucket("Web-1", 1));
        assertThat(hosts.otherCount()).isEqualTo(2);
        assertThat(((AggregationResult.Terms) r.aggs().get("tags")).buckets())
                .containsExactly(new AggregationResult.Bucket("auth", 2), new AggregationResult.Bucket("ssh", 1));
        assertThat(r.aggs().get("distinctHosts")).isEqualTo(new AggregationResult.Cardinality(3));
        assertThat(r.aggs().get("severity")).isEqualTo(new AggregationResult.Stats(3, 1, 5, 3, 9));
        var histogram = (AggregationResult.DateHistogram) r.aggs().get("perSecond");
        assertThat(histogram.buckets()).extracting(AggregationResult.TimeBucket::count).containsExactly(0L, 1L, 1L, 1L, 0L);
        assertThat(histogram.buckets().getFirst().start()).isEqualTo(T0 - 1000);
    }

    @Test
    void histogramWithTooManyBucketsIsRejected() throws IOException {
        addSample();
        var request = new SearchRequest(StoreQuery.all(), T0 - DAY, T0 + DAY, 0, List.of(), List.of(),
                Map.of("h", new Aggregation.DateHistogram("@timestamp", 1000)));
        assertThatThrownBy(() -> store.search(request)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buckets");
    }

    @Test
    void searchAfterPagesThroughTiesAcrossDaysExactlyOnce() throws IOException {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 57; i++) events.add(event("e" + i, T0 + (i % 3 == 0 ? DAY : 0) + (i % 4) * 1000, "host.name", "h" + (i % 5)));
        store.add(events, 1);
        store.refresh();
        for (List<SearchRequest.SortField> sort : List.of(List.<SearchRequest.SortField>of(),
                List.of(new SearchRequest.SortField("host.name", false), new SearchRequest.SortField("@timestamp", true)))) {
            List<String> seen = new ArrayList<>();
            List<Object> after = List.of();
            while (true) {
                SearchResult page = store.search(new SearchRequest(StoreQuery.all(), T0 - DAY, T0 + 2 * DAY, 10, sort, after, Map.of()));
                assertThat(page.total()).isEqualTo(57);
                if (page.hits().isEmpty()) break;
                page.hits().forEach(h -> seen.add(h.event().id()));
                after = page.hits().getLast().sortValues();
            }
            assertThat(seen).hasSize(57).doesNotHaveDuplicates();
        }
    }

    @Test
    void sortByKeywordFieldOrdersHits() throws IOException {
        addSample();
        SearchResult r = store.search(new SearchRequest(StoreQuery.all(), T0 - DAY, T0 + DAY, 10,
                List.of(new SearchRequest.SortField("host.name", false)), List.of(), Map.of()));
        assertThat(r.hits()).extracting(h -> h.event().text("host.name")).containsExactly("Web-1", "web-1", "web-2");
    }

    @Test
    void replayedRecordIsNotAddedTwice() throws IOException {
        store.add(List.of(event("a", T0), event("b", T0 + DAY)), 10);
        store.commit();
        store = reopen(store, dir);
        assertThat(store.replayFrom()).isEqualTo(10);
        store.add(List.of(event("a", T0), event("b", T0 + DAY)), 10);
        store.add(List.of(event("c", T0)), 20);
        store.refresh();
        assertThat(ids(StoreQuery.all())).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(find(StoreQuery.all()).total()).isEqualTo(3);
    }

    @Test
    void committedEventsSurviveReopenWithIdAndOriginal() throws IOException {
        byte[] syslog = "<34>Oct 11 22:14:15 mymachine su: 'su root' failed".getBytes(StandardCharsets.UTF_8);
        String json = "{\"message\":\"hello\",  \"n\":1}";
        StoredEvent line = new StoredEvent(event("s", T0, "message", "'su root' failed").event(), syslog);
        StoredEvent jsonEvent = new StoredEvent(event("j", T0, "message", "hello", "event.original", json).event(),
                json.getBytes(StandardCharsets.UTF_8));
        store.add(List.of(line, jsonEvent), 5);
        store.commit();
        store = reopen(store, dir);
        assertThat(store.get("s")).map(Event::fields).hasValueSatisfying(f -> assertThat(f).containsEntry("message", "'su root' failed"));
        assertThat(store.get("j").orElseThrow().timestamp()).isEqualTo(T0);
        assertThat(store.original("s")).hasValueSatisfying(b -> assertThat(b).isEqualTo(syslog));
        assertThat(store.original("j")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(json));
        assertThat(store.get("nope")).isEmpty();
    }

    @Test
    void retentionDropsOldDaysButNeverToday() throws IOException {
        long now = System.currentTimeMillis();
        store.add(List.of(event("old", now - 10 * DAY), event("recent", now - DAY), event("now", now)), 1);
        store.commit();
        assertThat(store.stats()).hasSize(3);
        assertThat(store.applyRetention(Duration.ofDays(5), Long.MAX_VALUE)).isEqualTo(1);
        assertThat(store.stats()).hasSize(2);
        assertThat(store.applyRetention(Duration.ofDays(365), 0)).isEqualTo(1);
        assertThat(store.stats()).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(1));
        store.refresh();
        SearchResult r = store.search(SearchRequest.of(StoreQuery.all(), now - 30 * DAY, now + DAY, 10));
        assertThat(r.hits()).extracting(h -> h.event().id()).containsExactly("now");
    }

    @Test
    void statsReportEventsAndCommittedPositionPerDay() throws IOException {
        store.add(List.of(event("a", T0), event("b", T0 + DAY)), 3);
        store.add(List.of(event("c", T0 + DAY)), 7);
        store.commit();
        assertThat(store.stats()).extracting(EventStore.PartitionStats::events, EventStore.PartitionStats::committedPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 3L), org.assertj.core.groups.Tuple.tuple(2L, 7L));
        assertThat(store.stats()).allSatisfy(s -> assertThat(s.bytes()).isPositive());
    }

    /** Ids as the parser makes them (a Lucene store indexes them as points) and ids of any other form. */
    @Test
    void pointAndTermIdsAreFoundByLookupByIdQueryAndSearchSyntax() throws IOException {
        String pointId = io.vigil.parse.EventParser.eventId(123_456_789L, 7);
        addAndRefresh(1, event(pointId, T0, "message", "one"), event("forwarded-Id.42", T0 + 1, "message", "two"),
                event(io.vigil.parse.EventParser.eventId(123_456_789L, 8), T0 + 2, "message", "three"));

        assertThat(store.get(pointId)).hasValueSatisfying(e -> assertThat(e.get("message")).isEqualTo("one"));
        assertThat(store.get("forwarded-Id.42")).hasValueSatisfying(e -> assertThat(e.get("message")).isEqualTo("two"));
        assertThat(store.get(io.vigil.parse.EventParser.eventId(123_456_789L, 9))).isEmpty();

        assertThat(ids(new StoreQuery.Ids(List.of(pointId, "forwarded-Id.42", "nope")))).containsExactlyInAnyOrder(pointId,
                "forwarded-Id.42");
        assertThat(ids(new StoreQuery.Term("_id", pointId))).containsExactly(pointId);
        assertThat(ids(new StoreQuery.Term("_id", "forwarded-Id.42"))).containsExactly("forwarded-Id.42");
        assertThat(ids(new StoreQuery.Exists("_id"))).hasSize(3);
    }

    @Test
    void theIdSurvivesAReopenOfTheStore() throws IOException {
        String pointId = io.vigil.parse.EventParser.eventId(99, 0);
        addAndRefresh(1, event(pointId, T0, "message", "kept"));
        store.commit();
        store = reopen(store, dir);
        assertThat(find(StoreQuery.all()).hits()).extracting(h -> h.event().id()).containsExactly(pointId);
        assertThat(store.get(pointId)).isPresent();
    }
}
