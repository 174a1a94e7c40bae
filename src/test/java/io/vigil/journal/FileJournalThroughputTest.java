package io.vigil.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints append throughput with fsync, as a report rather than a timed assertion (the machine is shared, so
 * times vary several-fold). The assertions only check that everything written came back.
 */
class FileJournalThroughputTest {
    @TempDir Path dir;

    @Test
    void reportsThroughputOfFiveMegabyteBatchesWithFsync() throws Exception {
        byte[] batch = new byte[5 << 20];
        new Random(7).nextBytes(batch);
        int batches = 12;
        try (FileJournal journal = FileJournal.open(new FileJournal.Options(dir, 64 << 20, 1L << 30))) {
            journal.append(batch).get(); // warm-up: JIT, file creation
            long start = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                journal.append(batch).get();
                journal.release(journal.endPosition());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("journal throughput: %d x 5 MiB batches, one at a time, fsync each: %.0f MB/s (%.1f ms per batch)%n",
                    batches, batches * 5.0 * 1.048576 / seconds, seconds * 1000 / batches);
            assertThat(journal.stats().bytesAppended()).isEqualTo((batches + 1L) * batch.length);
        }
    }

    @Test
    void reportsThroughputOfSmallConcurrentAppends() throws Exception {
        byte[] record = new byte[512];
        int count = 20_000;
        try (FileJournal journal = FileJournal.open(new FileJournal.Options(dir, 64 << 20, 1L << 30))) {
            long start = System.nanoTime();
            List<CompletableFuture<Long>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) futures.add(journal.append(record));
            for (CompletableFuture<Long> f : futures) f.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("journal throughput: %d x 512 B appends in flight together: %.0f records/s, %.0f MB/s, %d fsyncs%n",
                    count, count / seconds, count * 512 / 1e6 / seconds, journal.fsyncCount());
            assertThat(journal.stats().recordsAppended()).isEqualTo(count);
        }
    }
}
