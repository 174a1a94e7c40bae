package io.vigil.journal;

import static io.vigil.journal.JournalFiles.readAll;
import static io.vigil.journal.JournalFiles.texts;
import static io.vigil.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal under injected faults: an fsync held back, a disk that fills up. */
class FileJournalFaultTest {
    @TempDir Path dir;
    private final AtomicBoolean diskFull = new AtomicBoolean();
    private final AtomicReference<CountDownLatch> forceGate = new AtomicReference<>();

    private FileJournal open() throws IOException {
        return FileJournal.open(new FileJournal.Options(dir, 1 << 20, 16 << 20), FailingChannel.opener(diskFull, forceGate));
    }

    @Test
    void readerSeesNothingWrittenBeforeItsFsyncCompleted() throws Exception {
        try (FileJournal journal = open(); JournalReader reader = journal.reader(journal.startPosition())) {
            long durable = journal.append(utf8("durable")).get();
            CountDownLatch gate = new CountDownLatch(1);
            forceGate.set(gate);
            long sizeBefore = Files.size(JournalFiles.lastSegment(dir));
            CompletableFuture<Long> held = journal.append(utf8("written but not yet fsynced"));
            while (Files.size(JournalFiles.lastSegment(dir)) == sizeBefore) Thread.sleep(1);

            assertThat(reader.next().position()).isEqualTo(durable);
            assertThat(reader.next()).as("bytes are in the file but not durable").isNull();
            assertThat(held).isNotDone();
            assertThat(journal.awaitEnd(journal.endPosition(), 20)).isEqualTo(journal.endPosition());

            forceGate.set(null);
            gate.countDown();
            long position = held.get();
            assertThat(reader.next().position()).isEqualTo(position);
        }
    }

    @Test
    void failedWriteFailsTheFuturesTruncatesAndLaterAppendsSucceed() throws Exception {
        try (FileJournal journal = open()) {
            journal.append(utf8("before")).get();
            long sizeBefore = Files.size(JournalFiles.lastSegment(dir));

            diskFull.set(true);
            CompletableFuture<Long> failed = journal.append(new byte[5000]);
            assertThat(failed).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(IOException.class).withMessageContaining("No space left");
            assertThat(Files.size(JournalFiles.lastSegment(dir))).as("partial write truncated away").isEqualTo(sizeBefore);
            assertThat(journal.stats().failedAppends()).isEqualTo(1);

            diskFull.set(false);
            journal.append(utf8("after")).get();
            assertThat(texts(readAll(journal))).containsExactly("before", "after");
        }
        try (FileJournal reopened = FileJournal.open(new FileJournal.Options(dir, 1 << 20, 16 << 20))) {
            assertThat(reopened.openProblems()).isEmpty();
            assertThat(texts(readAll(reopened))).containsExactly("before", "after");
        }
    }
}
