package io.vigil.journal;

import static io.vigil.journal.JournalFiles.lastSegment;
import static io.vigil.journal.JournalFiles.readAll;
import static io.vigil.journal.JournalFiles.segments;
import static io.vigil.journal.JournalFiles.texts;
import static io.vigil.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open-time recovery and read-time damage handling, on files damaged by hand. */
class FileJournalRecoveryTest {
    private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
    @TempDir Path dir;

    private FileJournal open(long segmentBytes) throws IOException {
        return FileJournal.open(new FileJournal.Options(dir, segmentBytes, 64 << 20));
    }

    private List<Long> appendNumbered(long segmentBytes, int count) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (FileJournal journal = open(segmentBytes)) {
            for (int i = 0; i < count; i++) positions.add(journal.append(utf8("record number " + i)).get());
        }
        return positions;
    }

    @Test
    void tornTailIsTruncatedOnReopenWithAWarningNamingFileAndOffset() throws Exception {
        appendNumbered(1 << 20, 5);
        Path segment = lastSegment(dir);
        long cleanSize = Files.size(segment);
        ByteBuffer partial = ByteBuffer.allocate(30);
        SegmentFormat.putRecordHeader(partial, 100, 12345);
        Files.write(segment, partial.array(), StandardOpenOption.APPEND);

        try (FileJournal journal = open(1 << 20)) {
            assertThat(journal.openProblems()).singleElement().asString()
                    .contains(segment.getFileName().toString(), "offset " + cleanSize, "torn tail", "truncated 30 bytes");
            assertThat(Files.size(segment)).isEqualTo(cleanSize);
            assertThat(texts(readAll(journal))).hasSize(5).endsWith("record number 4");
            assertThat(journal.append(utf8("next")).get()).isEqualTo(cleanSize);
        }
    }

    @Test
    void randomGarbageAtTheEndIsTreatedAsATornTail() throws Exception {
        appendNumbered(1 << 20, 5);
        Path segment = lastSegment(dir);
        long cleanSize = Files.size(segment);
        byte[] garbage = new byte[1 + new Random(SEED).nextInt(200)];
        new Random(SEED).nextBytes(garbage);
        Files.write(segment, garbage, StandardOpenOption.APPEND);

        try (FileJournal journal = open(1 << 20)) {
            assertThat(journal.openProblems()).as("seed %d", SEED).singleElement().asString().contains("torn tail");
            assertThat(Files.size(segment)).isEqualTo(cleanSize);
            assertThat(readAll(journal)).hasSize(5);
        }
    }

    @Test
    void bitFlipInTheMiddleIsQuarantinedAndNamedWithFileOffsetActualAndExpected() throws Exception {
        List<Long> positions = appendNumbered(1 << 20, 10);
        Path segment = lastSegment(dir);
        long originalSize = Files.size(segment);
        byte[] original = Files.readAllBytes(segment);
        long damaged = positions.get(4);
        int flipped = (int) damaged + SegmentFormat.RECORD_HEADER_BYTES + 3;
        flipBit(segment, flipped);
        original[flipped] ^= 0x01;

        try (FileJournal journal = open(1 << 20)) {
            assertThat(journal.openProblems()).singleElement().asString()
                    .contains(segment.getFileName().toString(), "offset " + damaged, "checksum actual", "vs expected", "quarantine");
            assertThat(texts(readAll(journal))).containsExactly(
                    "record number 0", "record number 1", "record number 2", "record number 3");
            List<Path> quarantined = quarantined();
            assertThat(quarantined).hasSize(1);
            byte[] kept = Files.readAllBytes(quarantined.get(0));
            assertThat(kept).hasSize((int) (originalSize - damaged));
            assertThat(Arrays.equals(kept, 0, kept.length, original, (int) damaged, original.length))
                    .as("the quarantined bytes are the damaged record and everything after it").isTrue();
            assertThat(journal.append(utf8("after")).get()).as("positions never repeat").isGreaterThanOrEqualTo(originalSize);
            assertThat(texts(readAll(journal))).hasSize(5).endsWith("after");
        }
        try (FileJournal journal = open(1 << 20)) {
            assertThat(journal.openProblems()).isEmpty();
            assertThat(texts(readAll(journal))).hasSize(5).endsWith("after");
        }
    }

    @Test
    void damageInAnOlderSegmentKeepsEarlierRecordsAndLaterSegmentsReadable() throws Exception {
        List<Long> positions = appendNumbered(200, 40);
        Path second = segments(dir).get(1);
        long base = SegmentFormat.baseOf(second.getFileName().toString());
        long firstInSecond = positions.stream().filter(p -> p > base).findFirst().orElseThrow();
        long secondInSecond = positions.get(positions.indexOf(firstInSecond) + 1);
        flipBit(second, secondInSecond - base);

        try (FileJournal journal = open(200)) {
            assertThat(journal.openProblems()).singleElement().asString()
                    .contains(second.getFileName().toString(), "offset " + (secondInSecond - base), "marker actual", "vs expected");
            List<Long> read = readAll(journal).stream().map(JournalReader.Record::position).toList();
            assertThat(read).contains(firstInSecond).doesNotContain(secondInSecond).contains(positions.get(39));
            assertThat(read).isSubsetOf(positions);
        }
    }

    @Test
    void damageAppearingAfterOpenIsReportedAndSkippedWhileReading() throws Exception {
        try (FileJournal journal = open(200)) {
            List<Long> positions = new ArrayList<>();
            for (int i = 0; i < 40; i++) positions.add(journal.append(utf8("record number " + i)).get());
            Path first = segments(dir).get(0);
            flipBit(first, positions.get(1) + SegmentFormat.RECORD_HEADER_BYTES);

            List<JournalReader.Record> records = readAll(journal);
            assertThat(records.get(0).position()).isEqualTo(positions.get(0));
            assertThat(records).extracting(JournalReader.Record::position).doesNotContain(positions.get(1)).contains(positions.get(39));
            assertThat(journal.stats().damagedRecordsSkipped()).isEqualTo(1);
            assertThat(journal.readProblems()).singleElement().asString()
                    .contains(first.getFileName().toString(), "offset " + positions.get(1), "checksum actual", "vs expected");
        }
    }

    @Test
    void segmentWithADamagedHeaderIsQuarantinedWhole() throws Exception {
        appendNumbered(200, 40);
        Path second = segments(dir).get(1);
        flipBit(second, 2);
        try (FileJournal journal = open(200)) {
            assertThat(journal.openProblems()).singleElement().asString().contains(second.getFileName().toString(), "offset 0", "actual");
            assertThat(segments(dir)).doesNotContain(second);
            assertThat(quarantined()).hasSize(1);
            assertThat(readAll(journal)).isNotEmpty().last().extracting(r -> texts(List.of(r)).get(0)).isEqualTo("record number 39");
        }
    }

    private List<Path> quarantined() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(Quarantine.DIRECTORY))) {
            return files.toList();
        }
    }

    private static void flipBit(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
