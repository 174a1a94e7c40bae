package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes per event on the real OTRF Windows JSON events in {@code ../shared/data}. The fields come from a
 * stand-in normalizer (raw keys renamed to ECS-like names, event data under {@code winlog.event_data.*},
 * plus {@code event.ingested} and {@code vigil.index}), as the parse stage would roughly produce them.
 */
@Tag("data")
class LuceneStoreRealWindowsFootprintTest {
    private static final Map<String, String> RENAMES = Map.of("Message", "message", "Hostname", "host.name",
            "Channel", "winlog.channel", "SourceName", "winlog.provider_name", "ProviderGuid", "winlog.provider_guid",
            "Task", "winlog.task", "Keywords", "winlog.keywords", "Level", "log.level", "TimeCreated", "event.created");

    @TempDir
    Path dir;

    @Test
    void storesRealWindowsEventsCompactly() throws IOException {
        Path root = Path.of(System.getProperty("vigil.data", "../shared/data")).resolve("windows/otrf/windows");
        List<StoredEvent> events = new ArrayList<>();
        long raw = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    StoredEvent e = normalize("otrf-" + events.size(), line.getBytes(StandardCharsets.UTF_8));
                    if (e == null) continue;
                    events.add(e);
                    raw += e.original().length;
                }
            }
        }
        assertThat(events).as("OTRF events under " + root).hasSizeGreaterThan(1000);
        long start = System.nanoTime();
        long bytes;
        try (LuceneEventStore store = LuceneEventStore.open(new LuceneEventStore.Options(dir, 192, 10_000, Clock.systemUTC()))) {
            for (int i = 0; i < events.size(); i += 100) store.add(events.subList(i, Math.min(events.size(), i + 100)), i);
            store.commit();
            bytes = store.stats().stream().mapToLong(EventStore.PartitionStats::bytes).sum();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perEvent = (double) bytes / events.size();
        System.out.printf("OTRF windows: %d events, raw %.0f B/event, %.1f B/event on disk, %.0f events/s (wall, incl. commit)%n",
                events.size(), (double) raw / events.size(), perEvent, events.size() / seconds);
        LuceneStoreFootprintTest.printBreakdown(dir, events.size());
        assertThat(perEvent).isLessThan((double) raw / events.size() / 3);
    }

    private static StoredEvent normalize(String id, byte[] raw) {
        Map<String, Object> flat = FieldsDelta.flatten(raw);
        if (flat == null) return null;
        Map<String, Object> fields = new LinkedHashMap<>();
        Long ts = flat.get("@timestamp") == null ? null : FieldValues.toEpochMillis(flat.get("@timestamp"));
        if (ts == null) return null;
        fields.put("@timestamp", flat.get("@timestamp"));
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String key = e.getKey();
            if (key.equals("@timestamp")) continue;
            if (key.equals("EventID")) fields.put("event.code", e.getValue().toString());
            else fields.put(RENAMES.getOrDefault(key, "winlog.event_data." + key), e.getValue());
        }
        fields.put("event.ingested", "2026-11-29T00:00:00Z");
        fields.put("vigil.index", "otrf");
        return new StoredEvent(new Event(id, ts, fields), raw);
    }
}
