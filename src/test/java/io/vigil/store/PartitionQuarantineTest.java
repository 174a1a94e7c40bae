package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged day partition is found at open, moved aside, and the rest of the store keeps serving. */
class PartitionQuarantineTest {
    private static final long DAY = LuceneEventStore.DAY_MILLIS;
    private static final long T0 = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();

    @TempDir
    Path data;

    private LuceneEventStore open() throws IOException {
        return LuceneEventStore.open(new LuceneEventStore.Options(data.resolve("store"), 16, 10_000, Clock.systemUTC()));
    }

    private void fillTwoDays() throws IOException {
        try (LuceneEventStore store = open()) {
            for (int i = 0; i < 50; i++) {
                store.add(List.of(EventStoreConformanceTest.event("a" + i, T0 + i), EventStoreConformanceTest.event("b" + i, T0 + DAY + i)),
                        100 + i);
            }
            store.commit();
        }
    }

    @Test
    void bitFlipInAPartitionFileQuarantinesThatDayOnlyAndReplaysFromTheJournalStart() throws IOException {
        fillTwoDays();
        Path dayA = data.resolve("store/events-2026-11-29");
        Path victim = largestFile(dayA);
        flipByteInTheMiddle(victim);
        try (LuceneEventStore store = open()) {
            assertThat(store.openProblems()).singleElement().asString()
                    .contains("events-2026-11-29").contains(victim.getFileName().toString()).contains("quarantine");
            assertThat(Files.exists(data.resolve("quarantine/events-2026-11-29"))).isTrue();
            assertThat(Files.exists(dayA)).isFalse();
            assertThat(count(store)).as("day B still serves").isEqualTo(50);
            assertThat(store.replayFrom()).as("replay the whole journal").isZero();
            for (int i = 0; i < 50; i++) {
                store.add(List.of(EventStoreConformanceTest.event("a" + i, T0 + i), EventStoreConformanceTest.event("b" + i, T0 + DAY + i)),
                        100 + i);
            }
            store.commit();
            store.refresh();
            assertThat(count(store)).as("day A back once, day B not duplicated").isEqualTo(100);
        }
        try (LuceneEventStore store = open()) {
            assertThat(store.openProblems()).isEmpty();
            assertThat(store.replayFrom()).isEqualTo(149);
        }
    }

    @Test
    void truncatedPartitionFileIsQuarantinedWithItsName() throws IOException {
        fillTwoDays();
        Path victim = largestFile(data.resolve("store/events-2026-11-30"));
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        try (LuceneEventStore store = open()) {
            assertThat(store.openProblems()).singleElement().asString().contains("events-2026-11-30");
            assertThat(count(store)).isEqualTo(50);
        }
    }

    @Test
    void discardUncommittedDropsOnlyWhatWasNotCommittedAndAcceptsTheReplay() throws IOException {
        try (LuceneEventStore store = open()) {
            store.add(List.of(EventStoreConformanceTest.event("a", T0)), 10);
            store.commit();
            store.add(List.of(EventStoreConformanceTest.event("b", T0 + 1)), 20);
            store.refresh();
            assertThat(count(store)).isEqualTo(2);
            store.discardUncommitted();
            store.refresh();
            assertThat(count(store)).isEqualTo(1);
            assertThat(store.replayFrom()).isEqualTo(10);
            store.add(List.of(EventStoreConformanceTest.event("a", T0)), 10);
            store.add(List.of(EventStoreConformanceTest.event("b", T0 + 1)), 20);
            store.refresh();
            assertThat(count(store)).isEqualTo(2);
        }
    }

    private static long count(LuceneEventStore store) throws IOException {
        return store.search(SearchRequest.of(StoreQuery.all(), 0, Long.MAX_VALUE, 0)).total();
    }

    private static Path largestFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("segments") && !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    static void flipByteInTheMiddle(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }
}
