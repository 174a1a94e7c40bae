package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ECS field indexed only through its {@code winlog.event_data} source still answers every kind of query. */
class EcsCopiesTest {
    private static final long T0 = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();
    private static final String PATH = "HKLM\\System\\CurrentControlSet\\Services\\Evil Service\\ImagePath";
    private static final String OTHER = "HKLM\\Software\\Vendor\\Run Key";

    private static final String GUID = "{a1b2c3d4-0000-1111-2222-333344445555}";

    @TempDir
    Path dir;
    private LuceneEventStore store;

    @BeforeEach
    void fill() throws IOException {
        store = LuceneEventStore.open(new LuceneEventStore.Options(dir, 16, 10_000, Clock.systemUTC()));
        store.add(List.of(
                event("copy", "registry.path", PATH, "winlog.event_data.TargetObject", PATH),
                event("own", "registry.path", PATH, "winlog.event_data.TargetObject", OTHER),
                event("source-only", "winlog.event_data.TargetObject", PATH),
                event("list", "registry.path", List.of(PATH, OTHER), "winlog.event_data.TargetObject", PATH),
                event("neither", "message", "nothing here"),
                event("guid", "process.entity_id", GUID, "winlog.event_data.ProcessGuid", GUID)), 1);
        store.refresh();
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private static StoredEvent event(String id, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@timestamp", Instant.ofEpochMilli(T0).toString());
        for (int i = 0; i < keyValues.length; i += 2) fields.put((String) keyValues[i], keyValues[i + 1]);
        return new StoredEvent(new Event(id, T0, fields), ("raw " + id).getBytes(StandardCharsets.UTF_8));
    }

    private SearchResult search(StoreQuery query, Map<String, Aggregation> aggs) throws IOException {
        return store.search(new SearchRequest(query, T0 - 1000, T0 + 1000, 10, List.of(), List.of(), aggs));
    }

    private List<String> ids(StoreQuery query) throws IOException {
        return search(query, Map.of()).hits().stream().map(h -> h.event().id()).sorted().toList();
    }

    @Test
    void theCopyIsNotIndexedAsATermOfItsOwn() throws IOException {
        store.commit();
        try (var directory = FSDirectory.open(dir.resolve("events-2026-11-29")); var reader = DirectoryReader.open(directory)) {
            assertThat(reader.docFreq(new Term("registry.path", PATH))).as("own and list keep theirs").isEqualTo(2);
            assertThat(reader.docFreq(new Term(EcsCopies.COPIED, "registry.path"))).isEqualTo(1);
            assertThat(MultiTerms.getTerms(reader, "winlog.event_data.TargetObject")).isNotNull();
        }
    }

    @Test
    void exactValuePhraseAndWordsFindTheElidedCopyButNotTheSourceAlone() throws IOException {
        assertThat(ids(new StoreQuery.Term("registry.path", PATH))).containsExactly("copy", "list", "own");
        assertThat(ids(new StoreQuery.Phrase("registry.path", PATH))).containsExactly("copy", "list", "own");
        assertThat(ids(new StoreQuery.Term("registry.path", "Evil"))).containsExactly("copy", "list", "own");
        assertThat(ids(new StoreQuery.Phrase("registry.path", "evil service"))).containsExactly("copy", "list", "own");
        assertThat(ids(new StoreQuery.Term("registry.path", OTHER))).containsExactly("list");
        assertThat(ids(new StoreQuery.Term("winlog.event_data.TargetObject", PATH))).containsExactly("copy", "list", "source-only");
    }

    @Test
    void aCopyWithoutAnAnalyzedCompanionIsFoundThroughItsSourceOnly() throws IOException {
        store.commit();
        try (var directory = FSDirectory.open(dir.resolve("events-2026-11-29")); var reader = DirectoryReader.open(directory)) {
            assertThat(reader.docFreq(new Term("process.entity_id", GUID))).isZero();
        }
        assertThat(ids(new StoreQuery.Term("process.entity_id", GUID))).containsExactly("guid");
        assertThat(ids(new StoreQuery.Phrase("process.entity_id", GUID))).containsExactly("guid");
        assertThat(ids(new StoreQuery.Wildcard("process.entity_id", "{a1b2*"))).containsExactly("guid");
        assertThat(ids(new StoreQuery.Exists("process.entity_id"))).containsExactly("guid");
        assertThat(ids(new StoreQuery.Term("process.entity_id", "{a1b2c3d4"))).isEmpty();
    }

    @Test
    void wildcardsRangesAndExistsSeeTheElidedCopy() throws IOException {
        assertThat(ids(new StoreQuery.Wildcard("registry.path", "HKLM\\\\System*"))).containsExactly("copy", "list", "own");
        assertThat(ids(new StoreQuery.Range("registry.path", "HKLM\\System", true, "HKLM\\Systen", false)))
                .containsExactly("copy", "list", "own");
        assertThat(ids(new StoreQuery.Exists("registry.path"))).containsExactly("copy", "list", "own");
        assertThat(ids(StoreQuery.Bool.not(new StoreQuery.Exists("registry.path")))).containsExactly("guid", "neither", "source-only");
        assertThat(ids(StoreQuery.Bool.not(new StoreQuery.Term("registry.path", PATH)))).containsExactly("guid", "neither", "source-only");
    }

    @Test
    void termsAndCardinalityAggregationsCountTheElidedCopyOnce() throws IOException {
        SearchResult result = search(StoreQuery.all(), Map.of(
                "paths", new Aggregation.Terms("registry.path", 10), "distinct", new Aggregation.Cardinality("registry.path")));
        assertThat(((AggregationResult.Terms) result.aggs().get("paths")).buckets()).containsExactlyInAnyOrder(
                new AggregationResult.Bucket(PATH, 3), new AggregationResult.Bucket(OTHER, 1));
        assertThat(((AggregationResult.Cardinality) result.aggs().get("distinct")).value()).isEqualTo(2);
        SearchResult onlyCopy = search(new StoreQuery.Term("registry.path", PATH), Map.of("paths", new Aggregation.Terms("registry.path", 10)));
        assertThat(((AggregationResult.Terms) onlyCopy.aggs().get("paths")).buckets()).containsExactlyInAnyOrder(
                new AggregationResult.Bucket(PATH, 3), new AggregationResult.Bucket(OTHER, 1));
    }

    @Test
    void theStoredEventStillHasTheCopy() throws IOException {
        assertThat(store.get("copy")).get().extracting(e -> e.get("registry.path")).isEqualTo(PATH);
    }

    @Test
    void everyCopyInTheTableIsAKeywordWithoutDocValuesOnBothSides() {
        EcsCopies.checkTable();
        assertThat(EcsCopies.sourceOf("registry.path")).isEqualTo("winlog.event_data.TargetObject");
        assertThat(EcsCopies.sourceOf("host.name")).as("doc values fields are never elided").isNull();
    }
}
