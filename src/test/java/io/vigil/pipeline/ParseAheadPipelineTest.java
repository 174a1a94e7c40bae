package io.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.journal.FileJournal;
import io.vigil.journal.RawBatchFormat;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.store.LuceneEventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.StoreQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing on a second thread ahead of the pipeline thread must not change what the pipeline guarantees: journal
 * order into detection and the store, corrupt records skipped, exactly once after a parser failure.
 */
class ParseAheadPipelineTest {
    private static final int LINES_PER_RECORD = 10;
    private final EventParser standard = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    @TempDir
    Path dir;

    @Test
    void detectionAndStoreSeeRecordsInJournalOrderWhileParsingRunsOnItsOwnThread() throws Exception {
        Set<String> parsingThreads = ConcurrentHashMap.newKeySet();
        EventParser parser = (batch, position) -> {
            parsingThreads.add(Thread.currentThread().getName());
            return standard.parse(batch, position);
        };
        List<Long> positions = Collections.synchronizedList(new ArrayList<>());
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        EventConsumer detection = (events, position) -> {
            positions.add(position);
            for (StoredEvent e : events) messages.add(String.valueOf(e.event().fields().get("message")));
        };
        int records = 3 * Pipeline.PARSE_AHEAD_RECORDS; // more than the read-ahead holds, so it fills and drains
        try (Fixture f = new Fixture()) {
            Pipeline pipeline = new Pipeline(f.journal, parser, detection, f.store, new Pipeline.Options(20, 100));
            pipeline.start();
            append(f.journal, 0, records * LINES_PER_RECORD);
            pipeline.flush(true).get(60, TimeUnit.SECONDS);
            pipeline.close();
            assertThat(parsingThreads).containsExactly("vigil-parse");
            assertThat(positions).hasSize(records).isSorted().doesNotHaveDuplicates();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < records * LINES_PER_RECORD; i++) expected.add("event " + i);
            assertThat(messages).containsExactlyElementsOf(expected);
            assertThat(f.count()).isEqualTo(records * LINES_PER_RECORD);
        }
    }

    @Test
    void skipsAndCountsARecordThatIsNotABatchAndStoresTheOnesAfterIt() throws Exception {
        try (Fixture f = new Fixture()) {
            Pipeline pipeline = new Pipeline(f.journal, standard, EventConsumer.NONE, f.store, new Pipeline.Options(20, 100));
            pipeline.start();
            append(f.journal, 0, 50);
            f.journal.append("not a raw batch".getBytes(StandardCharsets.UTF_8)).join();
            append(f.journal, 50, 50);
            pipeline.flush(true).get(60, TimeUnit.SECONDS);
            pipeline.close();
            assertThat(pipeline.badRecords()).isEqualTo(1);
            assertThat(f.count()).isEqualTo(100);
        }
    }

    @Test
    void storesEveryEventExactlyOnceWhenTheParserFailsOnce() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        EventParser parser = (batch, position) -> {
            List<StoredEvent> events = standard.parse(batch, position);
            boolean poisoned = events.stream().anyMatch(e -> "event 470".equals(e.event().fields().get("message")));
            if (poisoned && failuresLeft.getAndDecrement() > 0) throw new IllegalStateException("injected parser bug");
            return events;
        };
        try (Fixture f = new Fixture()) {
            Pipeline pipeline = new Pipeline(f.journal, parser, EventConsumer.NONE, f.store, new Pipeline.Options(20, 50),
                    f.store::discardUncommitted);
            pipeline.start();
            append(f.journal, 0, 1000);
            for (int i = 0; i < 600 && (pipeline.restarts() == 0 || pipeline.failure() != null); i++) Thread.sleep(50);
            pipeline.flush(true).get(60, TimeUnit.SECONDS);
            pipeline.close();
            assertThat(pipeline.restarts()).as("the injected failure made the pipeline restart").isEqualTo(1);
            assertThat(f.count()).as("each of the 1000 events exactly once").isEqualTo(1000);
        }
    }

    /**
     * SIGTERM right after an acknowledged append: close() must process what was durable when it was called. The
     * first record parses slowly, so the pipeline takes it while caught up; its detection appends a second record
     * and asks to close. The loop used to look at the stop flag after reading the journal's end, and so stopped
     * with the second record unread (replayed only at the next start).
     */
    @Test
    void closeRightAfterAnAppendStillProcessesTheAppendedRecord() throws Exception {
        EventParser slowFirst = (batch, position) -> {
            if (position == 0) sleep(50);
            return standard.parse(batch, position);
        };
        java.util.concurrent.atomic.AtomicReference<Pipeline> pipelineRef = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Thread> closer = new java.util.concurrent.atomic.AtomicReference<>();
        try (Fixture f = new Fixture()) {
            EventConsumer appendThenClose = (events, position) -> {
                if (closer.get() != null) return;
                append(f.journal, LINES_PER_RECORD, LINES_PER_RECORD); // durable before close() is called
                closer.set(Thread.ofPlatform().start(() -> {
                    try {
                        pipelineRef.get().close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                sleep(200); // the closer has asked the pipeline to stop by now
            };
            Pipeline pipeline = new Pipeline(f.journal, slowFirst, appendThenClose, f.store, new Pipeline.Options(20, 60_000));
            pipelineRef.set(pipeline);
            append(f.journal, 0, LINES_PER_RECORD);
            pipeline.start();
            for (int i = 0; i < 600 && closer.get() == null; i++) Thread.sleep(10);
            closer.get().join(60_000);
            assertThat(pipeline.eventsProcessed()).as("both records processed before the pipeline stopped")
                    .isEqualTo(2 * LINES_PER_RECORD);
            assertThat(pipeline.lagBytes()).isZero();
            assertThat(f.count()).isEqualTo(2 * LINES_PER_RECORD);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Fixture implements AutoCloseable {
        final FileJournal journal = FileJournal.open(new FileJournal.Options(dir.resolve("journal"), 1 << 20, 64L << 20));
        final LuceneEventStore store = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir.resolve("store")));

        Fixture() throws java.io.IOException {}

        long count() throws java.io.IOException {
            return store.search(SearchRequest.of(StoreQuery.all(), 0, Long.MAX_VALUE, 0)).total();
        }

        @Override
        public void close() throws Exception {
            store.close();
            journal.close();
        }
    }

    private static void append(FileJournal journal, int first, int count) {
        long now = Instant.now().toEpochMilli();
        for (int i = first; i < first + count; i += LINES_PER_RECORD) {
            List<byte[]> lines = new ArrayList<>();
            for (int j = i; j < i + LINES_PER_RECORD; j++) {
                lines.add(("{\"@timestamp\":" + (now + j) + ",\"message\":\"event " + j + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            journal.append(RawBatchFormat.encode(new RawBatch("http", "test", "", now, lines))).join();
        }
    }
}
