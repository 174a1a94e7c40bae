package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.StoredEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments are written on the indexing threads, not on the writer thread at commit: {@link
 * ParallelIndexing#flushBuffers} empties the writers' buffers in parallel, and a store just opened does not
 * refresh periodically until someone searches.
 */
class SegmentFlushTest {
    /** 2026-03-02T00:00:00Z */
    private static final long T0 = 1_772_409_600_000L;

    @TempDir
    Path dir;

    @Test
    void flushBuffersWritesEveryIndexingBufferAsASegmentOnTheIndexingThreads() throws Exception {
        Partition partition = Partition.open(dir, T0 / LuceneEventStore.DAY_MILLIS);
        StoreContext context = new StoreContext(new StandardAnalyzer(), 64);
        partition.open(context);
        try (ParallelIndexing indexing = new ParallelIndexing(2, new RawEvents(null))) {
            SyntheticEvents generator = new SyntheticEvents(42, false);
            for (int batch = 0; batch < 8; batch++) {
                List<StoredEvent> events = new ArrayList<>();
                for (int i = 0; i < 500; i++) events.add(generator.next("e" + batch + "-" + i, T0 + batch * 1000L + i));
                Partition[] targets = new Partition[events.size()];
                Arrays.fill(targets, partition);
                indexing.submit(events, targets);
                partition.markAdded(batch);
            }
            indexing.await();
            long buffered = partition.ramBytesUsed();
            assertThat(buffered).as("documents wait in the writer's buffers").isGreaterThan(100_000);

            indexing.flushBuffers(List.of(partition));

            assertThat(partition.ramBytesUsed()).as("buffers written as segments").isLessThan(buffered / 100);
            partition.commit(7);
            assertThat(partition.eventCount()).isEqualTo(4_000);
            assertThat(partition.committedPosition()).isEqualTo(7);
        } finally {
            partition.close();
        }
    }

    @Test
    void aStoreJustOpenedCountsAsUnsearchedAndItsFirstSearchSeesEverythingAdded() throws Exception {
        var options = new LuceneEventStore.Options(dir.resolve("store"), 16, 10_000, Clock.systemUTC());
        try (LuceneEventStore store = LuceneEventStore.open(options)) {
            assertThat(store.recentlySearched()).as("no periodic refresh before anyone searches").isFalse();
            SyntheticEvents generator = new SyntheticEvents(7, false);
            List<StoredEvent> events = new ArrayList<>();
            for (int i = 0; i < 300; i++) events.add(generator.next("id-" + i, T0 + i));
            store.add(events, 1);

            SearchResult result = store.search(SearchRequest.of(new StoreQuery.MatchAll(), T0, T0 + 1_000, 10));

            assertThat(result.total()).as("the first search refreshes before it runs").isEqualTo(300);
            assertThat(store.recentlySearched()).isTrue();
        }
    }
}
