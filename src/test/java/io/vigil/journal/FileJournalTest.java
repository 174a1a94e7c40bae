package io.vigil.journal;

import static io.vigil.journal.JournalFiles.readAll;
import static io.vigil.journal.JournalFiles.segments;
import static io.vigil.journal.JournalFiles.texts;
import static io.vigil.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
    @TempDir Path dir;

    private FileJournal open(long segmentBytes, long maxBytes) throws Exception {
        return FileJournal.open(new FileJournal.Options(dir, segmentBytes, maxBytes));
    }

    @Test
    void roundTripsPayloadsWithTheirPositionsInOrder() throws Exception {
        try (FileJournal journal = open(1 << 20, 16 << 20)) {
            long a = journal.append(utf8("first")).get();
            long b = journal.append(new byte[0]).get();
            long c = journal.append(utf8("third")).get();

            List<JournalReader.Record> records = readAll(journal);
            assertThat(records).extracting(JournalReader.Record::position).containsExactly(a, b, c);
            assertThat(texts(records)).containsExactly("first", "", "third");
            assertThat(records.get(0).next()).isEqualTo(b);
            assertThat(a).isEqualTo(SegmentFormat.FILE_HEADER_BYTES);
            assertThat(journal.endPosition()).isEqualTo(records.get(2).next());
            assertThat(journal.stats().recordsAppended()).isEqualTo(3);
            assertThat(journal.stats().bytesAppended()).isEqualTo(10);
        }
    }

    @Test
    void positionsKeepGrowingAcrossReopen() throws Exception {
        long lastBefore;
        try (FileJournal journal = open(256, 64 << 10)) {
            for (int i = 0; i < 20; i++) journal.append(utf8("before-" + i)).get();
            lastBefore = readAll(journal).get(19).position();
        }
        try (FileJournal journal = open(256, 64 << 10)) {
            assertThat(journal.openProblems()).isEmpty();
            long firstAfter = journal.append(utf8("after")).get();
            assertThat(firstAfter).isGreaterThan(lastBefore);
            List<String> all = texts(readAll(journal));
            assertThat(all).hasSize(21).startsWith("before-0").endsWith("before-19", "after");
        }
    }

    @Test
    void concurrentAppendersShareFsyncs() throws Exception {
        int threads = 8, perThread = 500;
        try (FileJournal journal = open(1 << 20, 256 << 20)) {
            List<List<CompletableFuture<Long>>> futures = new ArrayList<>();
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                List<CompletableFuture<Long>> mine = new ArrayList<>();
                futures.add(mine);
                appenders.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) mine.add(journal.append(utf8("t" + id + "-" + i)));
                }));
            }
            for (Thread t : appenders) t.join();
            for (List<CompletableFuture<Long>> mine : futures) for (CompletableFuture<Long> f : mine) f.get();

            long appends = (long) threads * perThread;
            System.out.printf("group commit: %d appends, %d fsyncs (%.1f appends per fsync)%n",
                    appends, journal.fsyncCount(), appends / (double) journal.fsyncCount());
            assertThat(journal.stats().recordsAppended()).isEqualTo(appends);
            assertThat(journal.fsyncCount()).isLessThan(appends / 10);
            assertThat(readAll(journal)).hasSize((int) appends);
        }
    }

    @Test
    void appendersThatWaitForEachAckStillShareFsyncs() throws Exception {
        int threads = 8, perThread = 100;
        try (FileJournal journal = open(1 << 20, 256 << 20)) {
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                appenders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) journal.append(utf8("x".repeat(100))).join();
                }));
            }
            for (Thread t : appenders) t.join();
            long appends = (long) threads * perThread;
            System.out.printf("waiting appenders: %d appends, %d fsyncs%n", appends, journal.fsyncCount());
            assertThat(journal.stats().recordsAppended()).isEqualTo(appends);
            assertThat(journal.fsyncCount()).isLessThan(appends);
        }
    }

    @Test
    void rollsOverToNewSegmentsAndReadsAcrossThem() throws Exception {
        try (FileJournal journal = open(200, 64 << 10)) {
            List<Long> positions = new ArrayList<>();
            for (int i = 0; i < 30; i++) positions.add(journal.append(utf8("record number " + i)).get());
            List<Path> files = segments(dir);
            assertThat(files).hasSizeGreaterThan(3);
            assertThat(files.get(0).getFileName().toString()).isEqualTo("00000000000000000000.seg");
            for (Path f : files) assertThat(java.nio.file.Files.size(f)).isLessThanOrEqualTo(200);
            List<JournalReader.Record> records = readAll(journal);
            assertThat(records).extracting(JournalReader.Record::position).containsExactlyElementsOf(positions);
            assertThat(texts(records).get(29)).isEqualTo("record number 29");
            assertThat(JournalFiles.readFrom(journal, positions.get(17))).hasSize(13);
        }
    }

    @Test
    void releaseDeletesOnlyFullyReleasedSegmentsAndNeverTheActiveOne() throws Exception {
        try (FileJournal journal = open(200, 64 << 10)) {
            List<Long> positions = new ArrayList<>();
            for (int i = 0; i < 30; i++) positions.add(journal.append(utf8("record number " + i)).get());
            int before = segments(dir).size();
            long sizeBefore = journal.sizeBytes();
            long secondSegmentBase = SegmentFormat.baseOf(segments(dir).get(1).getFileName().toString());

            journal.release(secondSegmentBase - 1);
            assertThat(segments(dir)).hasSize(before);

            journal.release(secondSegmentBase);
            assertThat(segments(dir)).hasSize(before - 1);
            assertThat(journal.startPosition()).isEqualTo(secondSegmentBase + SegmentFormat.FILE_HEADER_BYTES);
            assertThat(journal.sizeBytes()).isLessThan(sizeBefore);
            assertThat(readAll(journal).get(0).position()).isEqualTo(journal.startPosition());

            journal.release(journal.endPosition());
            assertThat(segments(dir)).hasSize(1);
            assertThat(readAll(journal)).isNotEmpty().last().extracting(JournalReader.Record::position).isEqualTo(positions.get(29));
        }
    }

    @Test
    void fullJournalRejectsAppendsAndAcceptsAgainAfterRelease() throws Exception {
        try (FileJournal journal = open(256, 1024)) {
            byte[] payload = new byte[100];
            CompletableFuture<Long> rejected = null;
            for (int i = 0; i < 20 && rejected == null; i++) {
                CompletableFuture<Long> f = journal.append(payload);
                if (f.isCompletedExceptionally()) rejected = f; else f.get();
            }
            assertThat(rejected).as("an append past max_bytes is refused").isNotNull();
            assertThat(rejected).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(JournalFullException.class)
                    .satisfies(e -> assertThat(((JournalFullException) e).retryAfterSeconds()).isBetween(1, 5));
            assertThat(journal.sizeBytes()).isLessThanOrEqualTo(1024);
            assertThat(journal.stats().rejectedFull()).isEqualTo(1);

            journal.release(journal.endPosition());
            assertThat(journal.append(payload).get()).isGreaterThan(0);
        }
    }

    @Test
    void readerTailsRecordsAsTheyBecomeDurable() throws Exception {
        try (FileJournal journal = open(1 << 20, 16 << 20); JournalReader reader = journal.reader(journal.startPosition())) {
            assertThat(reader.next()).isNull();
            for (int round = 0; round < 50; round++) {
                long endBefore = journal.endPosition();
                CompletableFuture<Long> f = journal.append(utf8("round " + round));
                JournalReader.Record seen = reader.next();
                if (seen != null) {
                    assertThat(journal.endPosition()).as("a readable record lies below the durable end").isGreaterThanOrEqualTo(seen.next());
                    assertThat(journal.stats().fsyncs()).isGreaterThan(round);
                } else {
                    long end = journal.awaitEnd(endBefore, 5000);
                    assertThat(end).isGreaterThan(endBefore);
                    seen = reader.next();
                }
                assertThat(seen.position()).isEqualTo(f.get());
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void awaitEndTimesOutWhenNothingIsAppended() throws Exception {
        try (FileJournal journal = open(1 << 20, 16 << 20)) {
            long start = System.nanoTime();
            assertThat(journal.awaitEnd(journal.endPosition(), 50)).isEqualTo(journal.endPosition());
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
        }
    }

    @Test
    void closeFlushesPendingAppendsAndLaterAppendsFailClearly() throws Exception {
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        FileJournal journal = open(4096, 16 << 20);
        for (int i = 0; i < 200; i++) pending.add(journal.append(utf8("pending " + i)));
        journal.close();
        for (CompletableFuture<Long> f : pending) assertThat(f).isCompleted().isNotCompletedExceptionally();
        assertThat(journal.append(utf8("late"))).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(IllegalStateException.class).withMessageContaining("closed");
        try (FileJournal reopened = open(4096, 16 << 20)) {
            assertThat(texts(readAll(reopened))).hasSize(200).endsWith("pending 199");
        }
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRefused() throws Exception {
        try (FileJournal journal = open(4096, 16 << 20)) {
            assertThatThrownBy(() -> open(4096, 16 << 20)).hasMessageContaining("already open");
        }
    }

    @Test
    void optionsListEveryProblemAtOnce() {
        assertThatThrownBy(() -> new FileJournal.Options(null, 10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dir").hasMessageContaining("segment_bytes").hasMessageContaining("max_bytes");
    }
}
