package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.event.Event;
import io.vigil.store.Aggregation;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchRequest.SortField;
import io.vigil.store.StoreQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:37:12.345Z"), ZoneOffset.UTC);
    static final long NOW = CLOCK.millis();
    static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryEventStore store = new InMemoryEventStore();
    final SearchService service = new SearchService(store, CLOCK);

    static Event event(String id, String timestamp, Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@timestamp", timestamp);
        for (int i = 0; i < keysAndValues.length; i += 2) fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return new Event(id, Instant.parse(timestamp).toEpochMilli(), fields);
    }

    ObjectNode search(String body) throws Exception {
        return service.search(JSON.readTree(body));
    }

    SearchException rejected(String body) {
        SearchException e = catchThrowableOfType(SearchException.class, () -> search(body));
        assertThat(e).as(body).isNotNull();
        return e;
    }

    // request parsing and defaults

    @Test
    void appliesDefaultsToAnEmptyBody() throws Exception {
        search("{}");
        SearchRequest r = store.lastRequest;
        assertThat(r.query()).isEqualTo(StoreQuery.all());
        assertThat(r.from()).isEqualTo(NOW - 24 * 3_600_000L);
        assertThat(r.to()).isEqualTo(NOW);
        assertThat(r.size()).isEqualTo(50);
        assertThat(r.sort()).containsExactly(SortField.NEWEST_FIRST);
        assertThat(r.searchAfter()).isEmpty();
        assertThat(r.aggs()).isEmpty();
    }

    @Test
    void treatsANullBodyAndBlankValuesAsDefaults() throws Exception {
        service.search(null);
        assertThat(store.lastRequest.size()).isEqualTo(50);
        search("{\"query\": \"\", \"from\": \"\", \"to\": null, \"size\": null}");
        assertThat(store.lastRequest.query()).isEqualTo(StoreQuery.all());
        assertThat(store.lastRequest.from()).isEqualTo(NOW - 24 * 3_600_000L);
    }

    @Test
    void compilesTheQueryAndReadsTimeBoundsAndSize() throws Exception {
        search("""
                {"query": "event.code:4625 AND NOT user.name:admin", "from": "now-15m", "to": 1796034600000, "size": 0}""");
        SearchRequest r = store.lastRequest;
        assertThat(r.query()).isEqualTo(QueryParser.parse("event.code:4625 AND NOT user.name:admin"));
        assertThat(r.from()).isEqualTo(NOW - 15 * 60_000L);
        assertThat(r.to()).isEqualTo(1796034600000L);
        assertThat(r.size()).isZero();
    }

    @Test
    void roundsTheExclusiveUpperBoundUpSoThatTodayMeansTheWholeDay() throws Exception {
        search("{\"from\": \"now/d\", \"to\": \"now/d\"}");
        assertThat(store.lastRequest.from()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z").toEpochMilli());
        assertThat(store.lastRequest.to()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z").toEpochMilli());
    }

    @Test
    void resolvesDateMathInRangeBoundsWithTheServiceClockAndElasticsearchRounding() throws Exception {
        search("{\"query\": \"@timestamp:[now-1d/d TO now/d] AND event.created:{now/d TO now/d} AND @timestamp:>now-15m\"}");
        long today = Instant.parse("2026-11-29T00:00:00Z").toEpochMilli();
        long day = 86_400_000L;
        assertThat(store.lastRequest.query()).isEqualTo(StoreQuery.Bool.and(List.of(
                new StoreQuery.Range("@timestamp", Long.toString(today - day), true, Long.toString(today + day - 1), true),
                new StoreQuery.Range("event.created", Long.toString(today + day - 1), false, Long.toString(today), false),
                new StoreQuery.Range("@timestamp", Long.toString(NOW - 15 * 60_000L), false, null, false))));
    }

    @Test
    void leavesRangeBoundsThatAreNotDateMathForTheStore() throws Exception {
        String query = "bytes:[1 TO 5] OR @timestamp:[2026-11-29 TO *] OR source.ip:[10.0.0.1 TO 10.0.0.9]";
        search("{\"query\": \"" + query + "\"}");
        assertThat(store.lastRequest.query()).isEqualTo(QueryParser.parse(query));
    }

    @Test
    void reportsBadDateMathInRangeBounds() {
        assertThat(rejected("{\"query\": \"@timestamp >= now-5q\"}").getMessage())
                .isEqualTo("range bound 'now-5q': unknown time unit 'q' at 5 in 'now-5q'; use s, m, h, d, w, M or y");
    }

    @Test
    void readsEverySortForm() throws Exception {
        search("{\"sort\": [{\"host.name\": \"asc\"}, \"@timestamp:desc\", {\"event.code\": {\"order\": \"DESC\"}}, \"user.name\"]}");
        assertThat(store.lastRequest.sort()).containsExactly(new SortField("host.name", false), new SortField("@timestamp", true),
                new SortField("event.code", true), new SortField("user.name", false));
        search("{\"sort\": \"@timestamp:asc\"}");
        assertThat(store.lastRequest.sort()).containsExactly(new SortField("@timestamp", false));
    }

    @Test
    void readsAggregationsInElasticsearchShapes() throws Exception {
        search("""
                {"aggs": {"hosts": {"terms": {"field": "host.name", "size": 5}},
                          "codes": {"terms": {"field": "event.code"}},
                          "hourly": {"date_histogram": {"field": "@timestamp", "fixed_interval": "1h"}},
                          "legacy": {"date_histogram": {"interval": "30m"}},
                          "daily": {"date_histogram": {"field": "@timestamp", "calendar_interval": "day"}},
                          "weekly": {"date_histogram": {"field": "@timestamp", "calendar_interval": "1w"}},
                          "users": {"cardinality": {"field": "user.name"}},
                          "bytes": {"stats": {"field": "source.bytes"}}}}""");
        assertThat(store.lastRequest.aggs()).isEqualTo(Map.of(
                "hosts", new Aggregation.Terms("host.name", 5),
                "codes", new Aggregation.Terms("event.code", 10),
                "hourly", new Aggregation.DateHistogram("@timestamp", 3_600_000L),
                "legacy", new Aggregation.DateHistogram("@timestamp", 1_800_000L),
                "daily", new Aggregation.DateHistogram("@timestamp", 86_400_000L),
                "weekly", new Aggregation.DateHistogram("@timestamp", 7 * 86_400_000L),
                "users", new Aggregation.Cardinality("user.name"),
                "bytes", new Aggregation.Stats("source.bytes")));
    }

    // request errors

    @Test
    void rejectsUnknownKeysByName() {
        assertThat(rejected("{\"qeury\": \"x\"}").getMessage()).startsWith("unknown key 'qeury' in the search request");
        assertThat(rejected("{\"aggs\": {\"a\": {\"terms\": {\"field\": \"f\", \"order\": {}}}}}").getMessage())
                .startsWith("unknown key 'order' in aggregation 'a' (terms); known keys are field, size");
    }

    @Test
    void rejectsSizesOutsideZeroToTenThousand() throws Exception {
        search("{\"size\": 10000}");
        assertThat(store.lastRequest.size()).isEqualTo(10_000);
        assertThat(rejected("{\"size\": 10001}").getMessage()).isEqualTo(
                "'size' must be between 0 and 10000, got 10001; page with search_after for more");
        assertThat(rejected("{\"size\": -1}").getMessage()).contains("got -1");
        assertThat(rejected("{\"size\": \"ten\"}").getMessage()).startsWith("'size' must be an integer");
        assertThat(rejected("{\"size\": 1.5}").getMessage()).startsWith("'size' must be an integer");
    }

    @Test
    void reportsQueryErrorsWithTheirPosition() {
        SearchException e = rejected("{\"query\": \"host.name:web AND\"}");
        assertThat(e.getMessage()).isEqualTo("unexpected end of query after 'AND'; expected a term");
        assertThat(e.position()).isEqualTo("host.name:web AND".length());
        assertThat(rejected("{\"query\": 5}").getMessage()).isEqualTo("'query' must be a string, got NUMBER");
    }

    @Test
    void rejectsBadTimeBounds() {
        assertThat(rejected("{\"from\": \"yesterday\"}").getMessage()).startsWith("'from': cannot read 'yesterday' as a time");
        assertThat(rejected("{\"to\": \"now-5q\"}").getMessage()).startsWith("'to': unknown time unit 'q'");
        assertThat(rejected("{\"from\": true}").getMessage()).startsWith("'from' must be a time expression string or epoch milliseconds");
        assertThat(rejected("{\"from\": \"now\", \"to\": \"now-1h\"}").getMessage())
                .isEqualTo("'from' (2026-11-29T10:37:12.345Z) is after 'to' (2026-11-29T09:37:12.345Z); swap them");
    }

    @Test
    void rejectsBadSortsAndSearchAfter() {
        assertThat(rejected("{\"sort\": [\"@timestamp:down\"]}").getMessage())
                .isEqualTo("sort order of '@timestamp' must be \"asc\" or \"desc\", got \"down\"");
        assertThat(rejected("{\"sort\": [5]}").getMessage()).startsWith("each 'sort' entry must be");
        assertThat(rejected("{\"search_after\": [1, 2, 3, 4]}").getMessage())
                .startsWith("'search_after' has 4 values but the sort has 1 fields");
        assertThat(rejected("{\"search_after\": [null]}").getMessage()).isEqualTo("search_after[0] must be a string, number or boolean");
        assertThat(rejected("{\"search_after\": 5}").getMessage()).startsWith("'search_after' must be the array");
    }

    @Test
    void rejectsBadAggregations() {
        assertThat(rejected("{\"aggs\": {\"a\": {\"top_hits\": {}}}}").getMessage())
                .startsWith("aggregation 'a' has unknown type 'top_hits'");
        assertThat(rejected("{\"aggs\": {\"a\": {\"terms\": {\"field\": \"f\"}, \"aggs\": {}}}}").getMessage())
                .endsWith("sub-aggregations are not supported");
        assertThat(rejected("{\"aggs\": {\"a\": {\"terms\": {}}}}").getMessage()).isEqualTo("aggregation 'a' (terms) needs a \"field\"");
        assertThat(rejected("{\"aggs\": {\"a\": {\"terms\": {\"field\": \"f\", \"size\": 0}}}}").getMessage())
                .contains("size must be an integer from 1 to 10000");
        assertThat(rejected("{\"aggs\": {\"a\": {\"date_histogram\": {\"calendar_interval\": \"1M\"}}}}").getMessage())
                .contains("calendar_interval '1M' is not supported").contains("use fixed_interval");
        assertThat(rejected("{\"aggs\": {\"a\": {\"date_histogram\": {\"fixed_interval\": \"1x\"}}}}").getMessage())
                .contains("interval '1x' must be a number and a unit");
        assertThat(rejected("{\"aggs\": {\"a\": {\"date_histogram\": {\"fixed_interval\": \"0s\"}}}}").getMessage())
                .contains("interval must be positive");
        assertThat(rejected("{\"aggs\": {\"a\": {\"date_histogram\": {\"fixed_interval\": \"1s\"}}}}").getMessage())
                .contains("would make 86401 buckets").contains("limit is 10000");
        assertThat(rejected("{\"aggs\": {\"a\": {\"date_histogram\": {}}}}").getMessage())
                .contains("needs exactly one of fixed_interval, interval, calendar_interval");
    }

    // responses

    @Test
    void rendersHitsWithNestedSourceAndSortValues() throws Exception {
        store.add(event("e1", "2026-11-29T10:00:00Z", "host.name", "web-01", "source.ip", "10.0.0.1", "source.port", 22L),
                event("e2", "2026-11-29T09:00:00Z", "host.name", "web-02", "tags", List.of("a", "b")));
        ObjectNode response = search("{\"query\": \"host.name:web*\", \"size\": 1}");
        assertThat(response.get("total").asLong()).isEqualTo(2);
        assertThat(response.get("hits")).hasSize(1);
        JsonNode hit = response.get("hits").get(0);
        assertThat(hit.get("_id").asText()).isEqualTo("e1");
        assertThat(hit.get("@timestamp").asText()).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(hit.get("_source").toString()).isEqualTo(
                "{\"@timestamp\":\"2026-11-29T10:00:00Z\",\"host\":{\"name\":\"web-01\"},\"source\":{\"ip\":\"10.0.0.1\",\"port\":22}}");
        assertThat(hit.get("sort").toString()).isEqualTo("[" + Instant.parse("2026-11-29T10:00:00Z").toEpochMilli() + "]");
        assertThat(response.get("aggs").isObject()).isTrue();
        assertThat(response.get("took_ms").asLong()).isNotNegative();
    }

    @Test
    void pagesWithTheSortValuesOfTheLastHit() throws Exception {
        for (int i = 0; i < 5; i++) store.add(event("e" + i, "2026-11-29T0" + i + ":00:00Z"));
        ObjectNode first = search("{\"size\": 2}");
        assertThat(first.get("hits").findValuesAsText("_id")).containsExactly("e4", "e3");
        String after = first.get("hits").get(1).get("sort").toString();
        ObjectNode second = search("{\"size\": 2, \"search_after\": " + after + "}");
        assertThat(second.get("hits").findValuesAsText("_id")).containsExactly("e2", "e1");
    }

    @Test
    void rendersAggregationsInElasticsearchShapes() throws Exception {
        store.add(event("e1", "2026-11-29T08:10:00Z", "host.name", "a", "source.bytes", 10L, "user.name", "u1"),
                event("e2", "2026-11-29T08:20:00Z", "host.name", "a", "source.bytes", 30L, "user.name", "u2"),
                event("e3", "2026-11-29T10:05:00Z", "host.name", "b", "user.name", "u1"));
        ObjectNode response = search("""
                {"size": 0, "aggs": {"hosts": {"terms": {"field": "host.name", "size": 1}},
                 "hourly": {"date_histogram": {"field": "@timestamp", "fixed_interval": "1h"}},
                 "users": {"cardinality": {"field": "user.name"}},
                 "bytes": {"stats": {"field": "source.bytes"}},
                 "none": {"stats": {"field": "missing"}}}}""");
        JsonNode aggs = response.get("aggs");
        assertThat(aggs.get("hosts").toString()).isEqualTo(
                "{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":1,\"buckets\":[{\"key\":\"a\",\"doc_count\":2}]}");
        long eight = Instant.parse("2026-11-29T08:00:00Z").toEpochMilli();
        assertThat(aggs.get("hourly").get("buckets").toString()).isEqualTo("["
                + "{\"key\":" + eight + ",\"key_as_string\":\"2026-11-29T08:00:00Z\",\"doc_count\":2},"
                + "{\"key\":" + (eight + 3_600_000) + ",\"key_as_string\":\"2026-11-29T09:00:00Z\",\"doc_count\":0},"
                + "{\"key\":" + (eight + 7_200_000) + ",\"key_as_string\":\"2026-11-29T10:00:00Z\",\"doc_count\":1}]");
        assertThat(aggs.get("users").toString()).isEqualTo("{\"value\":2}");
        assertThat(aggs.get("bytes").toString()).isEqualTo("{\"count\":2,\"min\":10.0,\"max\":30.0,\"avg\":20.0,\"sum\":40.0}");
        assertThat(aggs.get("none").toString()).isEqualTo("{\"count\":0,\"min\":null,\"max\":null,\"avg\":null,\"sum\":0.0}");
        assertThat(response.get("hits")).isEmpty();
        assertThat(response.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void surfacesStoreFailuresAsUncheckedIoErrorsNotAsBadRequests() {
        store.failure = new IOException("disk gone");
        assertThatThrownBy(() -> search("{}")).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
    }
}
