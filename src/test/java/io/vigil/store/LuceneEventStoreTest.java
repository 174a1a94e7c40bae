package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LuceneEventStoreTest extends EventStoreConformanceTest {
    private static final LocalDate DAY_A = LocalDate.of(2026, 11, 29);
    private static final LocalDate DAY_B = DAY_A.plusDays(1);

    @Override
    protected EventStore open(Path dir) throws IOException {
        return LuceneEventStore.open(new LuceneEventStore.Options(dir, 16, 10_000, java.time.Clock.systemUTC()));
    }

    private LuceneEventStore lucene() {
        return (LuceneEventStore) store;
    }

    private long total() throws IOException {
        return find(StoreQuery.all()).total();
    }

    @Test
    void crashKeepsOnlyCommittedEventsAndReplaysFromTheCommit() throws IOException {
        store.add(List.of(event("a", T0)), 100);
        store.commit();
        store.add(List.of(event("b", T0 + 1)), 200);
        store.refresh();
        assertThat(total()).isEqualTo(2);
        lucene().abandon();
        store = open(dir);
        assertThat(store.replayFrom()).isEqualTo(100);
        assertThat(ids(StoreQuery.all())).containsExactly("a");
        store.add(List.of(event("a", T0)), 100);
        store.add(List.of(event("b", T0 + 1)), 200);
        store.refresh();
        assertThat(ids(StoreQuery.all())).containsExactlyInAnyOrder("a", "b");
        assertThat(total()).isEqualTo(2);
        assertThat(lucene().skippedAsCommitted()).isEqualTo(1);
    }

    @Test
    void crashBetweenPartitionCommitsReaddsOnlyToThePartitionThatMissedIt() throws IOException {
        long dayA = DAY_A.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 5_000;
        long dayB = DAY_B.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 5_000;
        store.add(List.of(event("x0", dayA)), 10);
        store.commit();
        store.add(List.of(event("a1", dayA), event("b1", dayB)), 20);
        lucene().commitOnly(DAY_A);
        lucene().abandon();

        store = open(dir);
        assertThat(store.replayFrom()).isEqualTo(10);
        store.add(List.of(event("x0", dayA)), 10);
        store.add(List.of(event("a1", dayA), event("b1", dayB)), 20);
        store.commit();
        store = reopen(store, dir);
        assertThat(ids(StoreQuery.all())).containsExactlyInAnyOrder("x0", "a1", "b1");
        assertThat(total()).isEqualTo(3);
        assertThat(store.stats()).extracting(EventStore.PartitionStats::events).containsExactly(2L, 1L);
        assertThat(store.replayFrom()).isEqualTo(20);
    }

    @Test
    void lostStateFileFallsBackToThePartitionsCommits() throws IOException {
        store.add(List.of(event("a", T0)), 10);
        store.commit();
        store.add(List.of(event("b", T0 + DAY)), 30);
        store.commit();
        store.close();
        Files.delete(dir.resolve(StoreState.FILE_NAME));
        store = open(dir);
        assertThat(store.replayFrom()).isEqualTo(10);
    }

    @Test
    void damagedStateFileIsReportedWithItsPath() throws IOException {
        store.add(List.of(event("a", T0)), 10);
        store.close();
        byte[] bytes = Files.readAllBytes(dir.resolve(StoreState.FILE_NAME));
        bytes[10] ^= 1;
        Files.write(dir.resolve(StoreState.FILE_NAME), bytes);
        assertThatThrownBy(() -> open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("store.state").hasMessageContaining("checksum");
        store = open(tempCopy());
    }

    private Path tempCopy() throws IOException {
        return Files.createDirectories(dir.resolve("fresh"));
    }

    @Test
    void positionsMustIncreaseWithinASession() throws IOException {
        store.add(List.of(event("a", T0)), 10);
        assertThatThrownBy(() -> store.add(List.of(event("b", T0)), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsForDaysDeletedByRetentionAreDroppedOnReplay() throws IOException {
        long now = System.currentTimeMillis();
        store.add(List.of(event("old", now - 20 * DAY), event("now", now)), 1);
        store.commit();
        assertThat(store.applyRetention(java.time.Duration.ofDays(7), Long.MAX_VALUE)).isEqualTo(1);
        store = reopen(store, dir);
        store.add(List.of(event("old", now - 20 * DAY)), 1);
        assertThat(store.stats()).hasSize(1);
        assertThat(lucene().droppedByRetention()).isEqualTo(1);
    }

    @Test
    void valueOfTheWrongTypeStaysFindable() throws IOException {
        addAndRefresh(1, event("m", T0, "event.severity", "high", "source.ip", "not-an-ip"), event("ok", T0, "event.severity", 4L));
        assertThat(ids(new StoreQuery.Term("event.severity", "high"))).containsExactly("m");
        assertThat(ids(new StoreQuery.Term("_type_mismatch", "source.ip"))).containsExactly("m");
        assertThat(ids(new StoreQuery.Term("event.severity", "4"))).containsExactly("ok");
        assertThat(ids(new StoreQuery.Exists("event.severity"))).containsExactlyInAnyOrder("m", "ok");
        assertThat(store.get("m").orElseThrow().get("event.severity")).isEqualTo("high");
    }

    @Test
    void overlongKeywordIsSearchableByWordsOnly() throws IOException {
        String longValue = "powershell -enc " + "A".repeat(1100) + " mimikatz";
        addAndRefresh(1, event("long", T0, "winlog.event_data.Payload", longValue), event("short", T0, "winlog.event_data.Payload", "x"));
        assertThat(ids(new StoreQuery.Term("winlog.event_data.Payload", longValue))).containsExactly("long");
        assertThat(ids(new StoreQuery.Term("winlog.event_data.Payload.text", "mimikatz"))).containsExactly("long");
        assertThat(ids(new StoreQuery.Wildcard("winlog.event_data.Payload", "powershell*"))).isEmpty();
    }

    @Test
    void commandLineIsExactAndWordSearchable() throws IOException {
        addAndRefresh(1, event("p", T0, "process.command_line", "cmd.exe /c whoami /all"));
        assertThat(ids(new StoreQuery.Term("process.command_line", "cmd.exe /c whoami /all"))).containsExactly("p");
        assertThat(ids(new StoreQuery.Term("process.command_line", "whoami"))).containsExactly("p");
        assertThat(ids(new StoreQuery.Wildcard("process.command_line", "*whoami*"))).containsExactly("p");
    }

    @Test
    void termsOnFieldWithoutDocValuesWalksTermsAndSaysWhenCapped() throws IOException {
        store.close();
        store = LuceneEventStore.open(new LuceneEventStore.Options(dir, 16, 2, java.time.Clock.systemUTC()));
        addAndRefresh(1, event("1", T0, "labels.env", "prod"), event("2", T0, "labels.env", "dev"),
                event("3", T0, "labels.env", "prod"), event("4", T0, "labels.env", "test"));
        var r = store.search(new SearchRequest(StoreQuery.all(), T0 - DAY, T0 + DAY, 0, List.of(), List.of(),
                Map.of("env", new Aggregation.Terms("labels.env", 5))));
        var terms = (AggregationResult.Terms) r.aggs().get("env");
        assertThat(terms.otherCount()).isEqualTo(-1);
        assertThat(terms.buckets()).containsExactly(new AggregationResult.Bucket("prod", 2), new AggregationResult.Bucket("dev", 1));
    }

    @Test
    void searchesRunConcurrentlyWithTheWriter() throws Exception {
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> readers = new java.util.ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread t = new Thread(() -> {
                long lastTotal = 0;
                while (!done.get()) {
                    try {
                        long total = find(StoreQuery.all()).total();
                        if (total < lastTotal) failures.add(new AssertionError("total went back from " + lastTotal + " to " + total));
                        lastTotal = total;
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            readers.add(t);
        }
        for (int batch = 0; batch < 50; batch++) {
            List<io.vigil.event.StoredEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) events.add(event("c" + batch + "-" + i, T0 + (i % 2) * DAY + batch, "host.name", "h" + i));
            store.add(events, batch + 1);
            store.refresh();
            if (batch % 10 == 9) store.commit();
        }
        done.set(true);
        for (Thread t : readers) t.join();
        assertThat(failures).isEmpty();
        assertThat(total()).isEqualTo(1000);
    }

    @Test
    void fieldNamesThatCollideWithInternalOrCompanionFieldsDoNotBreakIndexing() throws IOException {
        String longValue = "x ".repeat(700) + "needle";
        addAndRefresh(1,
                event("u1", T0, "_id", "forged", "_fields", "x", "foo.text", "plain words here"),
                event("u2", T0, "foo", longValue));
        assertThat(ids(new StoreQuery.Ids(List.of("forged")))).isEmpty();
        assertThat(ids(new StoreQuery.Term("foo.text", "words"))).containsExactly("u1");
        assertThat(ids(new StoreQuery.Term("foo.text", "needle"))).containsExactly("u2");
        assertThat(store.get("u1").orElseThrow().get("_id")).isEqualTo("forged");
    }
}
