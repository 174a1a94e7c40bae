package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path of a search (counts, the page in time windows, histograms, terms from doc values and from the
 * terms dictionary, stats, a leading-wildcard query) asks the cancellation, and a search cancelled at any of
 * those points ends with {@link SearchCancelledException}, never with a partial answer.
 * Seed: {@code -Dvigil.seed=N} (printed in assertion messages).
 */
class SearchCancellationTest {
    private static final long SEED = Long.getLong("vigil.seed", 20261206L);
    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final int EVENTS = 30_000;

    @TempDir
    static Path dir;
    private static LuceneEventStore store;

    @BeforeAll
    static void fill() throws IOException {
        store = LuceneEventStore.open(new LuceneEventStore.Options(dir, 4, 10_000, Clock.systemUTC()));
        Random random = new Random(SEED);
        List<StoredEvent> added = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            long ts = START + random.nextLong(2 * DAY);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("@timestamp", Instant.ofEpochMilli(ts).toString());
            fields.put("host.name", "host" + random.nextInt(20));
            fields.put("source.port", (long) random.nextInt(65536));
            fields.put("message", "login from token" + random.nextInt(1_000_000) + " by account" + i);
            Event event = new Event("e" + i, ts, fields);
            added.add(new StoredEvent(event, ("raw " + i).getBytes(StandardCharsets.UTF_8)));
            if (added.size() == 5_000) {
                store.add(added, i);
                store.refresh();
                added = new ArrayList<>();
            }
        }
        store.refresh();
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    private static SearchRequest everyPath(StoreQuery query) {
        return new SearchRequest(query, START, START + 2 * DAY, 50, List.of(), List.of(), Map.of(
                "histogram", new Aggregation.DateHistogram("@timestamp", 3_600_000L),
                "hosts", new Aggregation.Terms("host.name", 5),
                "words", new Aggregation.Terms("message", 5),
                "ports", new Aggregation.Stats("source.port"),
                "times", new Aggregation.Stats("@timestamp")));
    }

    /** Says "cancelled" from its {@code after}-th question on, and counts the questions. */
    private static final class CancelAfter implements SearchCancellation {
        private final long after;
        private final AtomicLong asked = new AtomicLong();

        CancelAfter(long after) {
            this.after = after;
        }

        @Override
        public boolean isCancelled() {
            return asked.incrementAndGet() >= after;
        }
    }

    @Test
    void aSearchCancelledBeforeItStartsDoesNoWork() {
        assertThatThrownBy(() -> store.search(everyPath(new StoreQuery.MatchAll()), () -> true))
                .isInstanceOf(SearchCancelledException.class).hasMessage("search cancelled");
    }

    @Test
    void aSearchCancelledAtAnyCheckEndsWithoutAPartialAnswer() throws IOException {
        for (StoreQuery query : List.of(new StoreQuery.MatchAll(), new StoreQuery.Wildcard("message", "*ken1*"))) {
            CancelAfter never = new CancelAfter(Long.MAX_VALUE);
            SearchResult full = store.search(everyPath(query), never);
            long questions = never.asked.get();
            assertThat(full.total()).as("seed %d, %s", SEED, query).isPositive();
            assertThat(questions).as("questions asked by a full search of %s (seed %d)", query, SEED).isGreaterThan(20);
            Random random = new Random(SEED);
            for (int trial = 0; trial < 25; trial++) {
                // Half the questions at most: the query cache may spare later searches some of the work.
                long after = trial < 5 ? trial + 1 : 1 + random.nextLong(questions / 2);
                CancelAfter cancel = new CancelAfter(after);
                assertThatThrownBy(() -> store.search(everyPath(query), cancel))
                        .as("cancelled at question %d of %d, %s, seed %d", after, questions, query, SEED)
                        .isInstanceOf(SearchCancelledException.class);
            }
        }
    }

    @Test
    void anUncancelledSearchAnswersAsTheUncancellableOne() throws IOException {
        StoreQuery query = new StoreQuery.Wildcard("message", "*ken2*");
        SearchResult plain = store.search(everyPath(query));
        SearchResult cancellable = store.search(everyPath(query), new CancelAfter(Long.MAX_VALUE));
        assertThat(cancellable.total()).as("seed %d", SEED).isEqualTo(plain.total());
        assertThat(cancellable.aggs()).as("seed %d", SEED).isEqualTo(plain.aggs());
        assertThat(cancellable.hits()).as("seed %d", SEED).isEqualTo(plain.hits());
    }
}
