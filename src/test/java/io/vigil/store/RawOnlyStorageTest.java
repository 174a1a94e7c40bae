package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events the parser can make again are stored as raw bytes + parse context and read back identical. */
class RawOnlyStorageTest {
    @TempDir
    Path dir;

    private final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    private List<StoredEvent> parse(String... lines) {
        return parser.parse(new RawBatch("http", "logs", "10.0.0.1", System.currentTimeMillis(),
                java.util.Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList()), 9);
    }

    private LuceneEventStore open(EventReparser reparser) throws Exception {
        return LuceneEventStore.open(LuceneEventStore.Options.defaults(dir).withReparser(reparser));
    }

    @Test
    void aParsedEventIsStoredWithoutItsFieldsAndReadBackIdentical() throws Exception {
        List<StoredEvent> events = parse(
                "{\"EventID\":4625,\"Channel\":\"Security\",\"Hostname\":\"DC1\",\"TargetUserName\":\"bob\"}",
                "<38>Nov 29 10:00:00 bastion sshd[1]: Failed password for root from 203.0.113.9 port 5 ssh2");
        try (LuceneEventStore store = open(parser::reparse)) {
            store.add(events, 9);
            store.commit();
            store.refresh();
            for (StoredEvent e : events) {
                assertThat(store.get(e.event().id())).contains(e.event());
                assertThat(store.original(e.event().id())).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(e.original()));
            }
            assertThat(store.reparseMismatches()).isZero();
        }
        assertThat(storedFieldNames()).contains(EventDocuments.ORIGINAL, EventDocuments.PARSE_CONTEXT)
                .doesNotContain(EventDocuments.FIELDS, EventDocuments.FIELDS_DELTA);
    }

    @Test
    void withoutAReparserEventsKeepTheirFields() throws Exception {
        List<StoredEvent> events = parse("{\"EventID\":4625,\"Channel\":\"Security\",\"Hostname\":\"DC1\"}");
        try (LuceneEventStore store = open(null)) {
            store.add(events, 9);
            store.commit();
            store.refresh();
            assertThat(store.get(events.getFirst().event().id())).contains(events.getFirst().event());
        }
        assertThat(storedFieldNames()).doesNotContain(EventDocuments.PARSE_CONTEXT);
    }

    @Test
    void aReparseThatDiffersFromTheIndexedEventSwitchesRawOnlyStorageOff() throws Exception {
        List<StoredEvent> events = parse("{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Image\":\"C:\\\\a.exe\"}");
        EventReparser wrong = (id, raw, context) -> Optional.of(new Event(id, 0, Map.of("message", "not the same")));
        try (LuceneEventStore store = open(wrong)) {
            store.add(events, 9); // the first event is always verified
            store.commit();
            store.refresh();
            assertThat(store.reparseMismatches()).isEqualTo(1);
            assertThat(store.get(events.getFirst().event().id())).contains(events.getFirst().event());
        }
        assertThat(storedFieldNames()).doesNotContain(EventDocuments.PARSE_CONTEXT);
    }

    @Test
    void anEventItsParserCanNoLongerMakeIsStillShownAsItsRawText() throws Exception {
        List<StoredEvent> events = parse("<13>Nov 29 10:00:00 host app: hello world");
        try (LuceneEventStore store = open(parser::reparse)) {
            store.add(events, 9);
            store.commit();
            store.refresh();
        }
        try (LuceneEventStore store = open((id, raw, context) -> Optional.empty())) {
            Event read = store.get(events.getFirst().event().id()).orElseThrow();
            assertThat(read.get("message")).isEqualTo("<13>Nov 29 10:00:00 host app: hello world");
            assertThat(read.get("tags")).isEqualTo(List.of(RawEvents.REPARSE_FAILURE_TAG));
            assertThat(read.timestamp()).isEqualTo(events.getFirst().event().timestamp());
        }
    }

    private java.util.Set<String> storedFieldNames() throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var partitions = java.nio.file.Files.list(dir)) {
            for (Path p : partitions.filter(p -> p.getFileName().toString().startsWith("events-")).toList()) {
                try (FSDirectory d = FSDirectory.open(p); DirectoryReader r = DirectoryReader.open(d)) {
                    for (int doc = 0; doc < r.maxDoc(); doc++) {
                        r.storedFields().document(doc).getFields().forEach(f -> names.add(f.name()));
                    }
                }
            }
        }
        return names;
    }
}
