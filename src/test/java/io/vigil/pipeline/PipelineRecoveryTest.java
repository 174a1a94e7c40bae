package io.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.journal.FileJournal;
import io.vigil.journal.RawBatchFormat;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.store.EventStore;
import io.vigil.store.LuceneEventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.StoreQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that fails (full disk, a writer closed by Lucene) makes the pipeline retry from its last commit, not die. */
class PipelineRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void storesEveryEventExactlyOnceAfterCommitsAndAddsFailForAWhile() throws Exception {
        try (FileJournal journal = FileJournal.open(new FileJournal.Options(dir.resolve("journal"), 1 << 20, 64L << 20));
             LuceneEventStore lucene = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir.resolve("store")))) {
            FlakyStore store = new FlakyStore(lucene);
            Pipeline pipeline = new Pipeline(journal, DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC()),
                    EventConsumer.NONE, store, new Pipeline.Options(20, 100), lucene::discardUncommitted);
            pipeline.start();
            append(journal, 0, 300);
            store.failingCommits.set(3);
            append(journal, 300, 300);
            awaitFailure(pipeline);
            store.failingAdds.set(2);
            append(journal, 600, 400);
            pipeline.flush(true).exceptionally(e -> null).get(30, TimeUnit.SECONDS);
            awaitHealthyAndFlushed(pipeline);
            assertThat(pipeline.restarts()).as("restarts after injected failures").isGreaterThanOrEqualTo(2);
            pipeline.close();
            assertThat(store.commitFailures.get()).isEqualTo(3);
            assertThat(store.addFailures.get()).isEqualTo(2);
            assertThat(count(lucene)).as("each of the 1000 events exactly once").isEqualTo(1000);
            assertThat(pipeline.failure()).isNull();
        }
    }

    private static void awaitFailure(Pipeline pipeline) throws InterruptedException {
        for (int i = 0; i < 500 && pipeline.restarts() == 0; i++) Thread.sleep(10);
        assertThat(pipeline.restarts()).as("the injected commit failure was seen").isPositive();
    }

    private static void awaitHealthyAndFlushed(Pipeline pipeline) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (pipeline.failure() == null) {
                try {
                    pipeline.flush(true).get(60, TimeUnit.SECONDS); // a replay of 1,000 events took > 10 s at load 11 on 2 cores
                    return;
                } catch (java.util.concurrent.ExecutionException failedAgain) {
                    // an injected failure hit this flush; wait for the next recovery
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("pipeline did not recover: " + pipeline.failure());
    }

    private static long count(EventStore store) throws IOException {
        return store.search(SearchRequest.of(StoreQuery.all(), 0, Long.MAX_VALUE, 0)).total();
    }

    private static void append(FileJournal journal, int first, int count) {
        long now = Instant.now().toEpochMilli();
        for (int i = first; i < first + count; i += 10) {
            List<byte[]> lines = new ArrayList<>();
            for (int j = i; j < i + 10; j++) {
                lines.add(("{\"@timestamp\":" + (now + j) + ",\"message\":\"event " + j + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            journal.append(RawBatchFormat.encode(new RawBatch("http", "test", "", now, lines))).join();
        }
    }

    /** Delegates to a real store; fails the next N adds or commits with the I/O error a full disk gives. */
    private static final class FlakyStore implements EventStore {
        final AtomicInteger failingCommits = new AtomicInteger();
        final AtomicInteger failingAdds = new AtomicInteger();
        final AtomicInteger commitFailures = new AtomicInteger();
        final AtomicInteger addFailures = new AtomicInteger();
        private final EventStore delegate;

        FlakyStore(EventStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void add(List<io.vigil.event.StoredEvent> events, long position) throws IOException {
            delegate.add(events, position); // added to the writer's buffer, then the "flush" fails
            if (failingAdds.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                addFailures.incrementAndGet();
                throw new IOException("No space left on device (injected, add)");
            }
        }

        @Override
        public void commit() throws IOException {
            if (failingCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                commitFailures.incrementAndGet();
                throw new IOException("No space left on device (injected, commit)");
            }
            delegate.commit();
        }

        @Override public void refresh() throws IOException { delegate.refresh(); }
        @Override public long replayFrom() throws IOException { return delegate.replayFrom(); }
        @Override public io.vigil.store.SearchResult search(SearchRequest r) throws IOException { return delegate.search(r); }
        @Override public java.util.Optional<io.vigil.event.Event> get(String id) throws IOException { return delegate.get(id); }
        @Override public java.util.Optional<byte[]> original(String id) throws IOException { return delegate.original(id); }
        @Override public int applyRetention(java.time.Duration a, long b) throws IOException { return delegate.applyRetention(a, b); }
        @Override public List<PartitionStats> stats() throws IOException { return delegate.stats(); }
        @Override public void close() {}
    }
}
