package io.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertQuery;
import io.vigil.alert.AlertRepository;
import io.vigil.detect.Detector;
import io.vigil.detect.RuleSet;
import io.vigil.detect.correlate.CorrelationStateFile;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.event.RawBatch;
import io.vigil.journal.FileJournal;
import io.vigil.journal.RawBatchFormat;
import io.vigil.meta.MetaDatabase;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.store.LuceneEventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correlation window that spans a store commit survives a crash: after the restart the correlation fires
 * on the same events (same alert id) as in a run without a crash, once, neither lost nor duplicated.
 */
class CorrelationCrashTest {
    private static final String RULES = """
            title: Failed login
            id: failed
            name: failed_login
            logsource: {category: authentication}
            detection:
              sel: {event.outcome: failure}
              condition: sel
            ---
            title: Brute force
            id: brute
            correlation: {type: event_count, rules: [failed_login], group-by: [user.name], timespan: 10m, condition: {gte: 3}}
            """;
    /** 2026-03-02T00:00:00Z */
    private static final long T0 = 1_772_409_600_000L;

    @TempDir
    Path dir;

    /** Bob: 3 before the crash (2 committed), 1 after it, then 2 more; ann: 2 committed, the third after the restart. */
    private static final List<String> BEFORE_COMMIT = List.of("bob", "ann", "bob", "ann");
    private static final List<String> AFTER_COMMIT = List.of("bob", "bob");
    private static final List<String> AFTER_RESTART = List.of("bob", "ann", "bob");

    @Test
    void correlationSpanningACommitFiresOnceWithTheSameIdAfterACrash() throws Exception {
        Set<String> reference = run(dir.resolve("reference"), false);
        Set<String> crashed = run(dir.resolve("crashed"), true);
        assertThat(reference).as("bob twice (3 + 3 logins), ann once").hasSize(3);
        assertThat(crashed).isEqualTo(reference);
        assertThat(dir.resolve("crashed").resolve(CorrelationStateFile.RELATIVE_PATH)).exists();
    }

    /** Feeds the logins, crashing (or not) after AFTER_COMMIT; returns the ids of the correlation alerts. */
    private Set<String> run(Path data, boolean crash) throws Exception {
        Files.createDirectories(data);
        MetaDatabase meta = MetaDatabase.open(data);
        try {
            AlertRepository alerts = new AlertRepository(meta, Clock.systemUTC());
            int[] n = {0};
            try (Node node = new Node(data, alerts, meta)) {
                node.append(BEFORE_COMMIT, n);
                node.pipeline.flush(true).get(30, TimeUnit.SECONDS);
                node.append(AFTER_COMMIT, n);
                assertThat(node.pipeline.awaitProcessed(30_000)).isTrue();
                if (crash) node.crash();
                if (!crash) node.append(AFTER_RESTART, n);
            }
            if (crash) {
                try (Node node = new Node(data, alerts, meta)) {
                    node.append(AFTER_RESTART, n);
                    assertThat(node.pipeline.awaitProcessed(30_000)).isTrue();
                }
            }
            List<Alert> found = alerts.find(new AlertQuery("brute", null, null, null, null, null, 100));
            return found.stream().map(Alert::id).collect(Collectors.toCollection(TreeSet::new));
        } finally {
            meta.close();
        }
    }

    /** One Vigil's pipeline over a data directory; closing it stops the pipeline, then the store and journal. */
    private static final class Node implements AutoCloseable {
        final FileJournal journal;
        final LuceneEventStore lucene;
        final CrashableStore store;
        final Pipeline pipeline;

        Node(Path data, AlertRepository alerts, MetaDatabase meta) throws IOException {
            journal = FileJournal.open(new FileJournal.Options(data.resolve("journal"), 1 << 20, 64L << 20));
            lucene = LuceneEventStore.open(LuceneEventStore.Options.defaults(data.resolve("store")));
            store = new CrashableStore(lucene);
            DetectionStage detection = new DetectionStage(new Detector(rules()), alerts, Clock.systemUTC(), fresh -> {},
                    meta::checkpoint).checkpointingTo(CorrelationStateFile.in(data));
            pipeline = new Pipeline(journal, DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC()),
                    detection, store, new Pipeline.Options(20, 3_600_000), lucene::discardUncommitted);
            pipeline.start();
        }

        /** One journal record per login, each a failed login of {@code user} a minute after the previous. */
        void append(List<String> users, int[] n) {
            for (String user : users) {
                int i = n[0]++;
                String line = "{\"@timestamp\":" + (T0 + i * 60_000L) + ",\"event\":{\"outcome\":\"failure\"},"
                        + "\"user\":{\"name\":\"" + user + "\"},\"message\":\"login " + i + "\"}";
                journal.append(RawBatchFormat.encode(new RawBatch("http", "test", "", T0,
                        List.of(line.getBytes(StandardCharsets.UTF_8))))).join();
            }
        }

        /** From now on nothing more is committed, as if the process had been killed. */
        void crash() {
            store.crashed = true;
        }

        @Override
        public void close() throws Exception {
            pipeline.close();
            if (store.crashed) lucene.discardUncommitted();
            lucene.close();
            journal.close();
        }
    }

    private static RuleSet rules() throws IOException {
        Path rulesDir = Files.createTempDirectory("rules");
        Files.writeString(rulesDir.resolve("rules.yml"), RULES);
        RuleSet.Compiled compiled = RuleSet.compile(new RuleLoader().load(List.of(rulesDir)), Map.of());
        assertThat(compiled.problems()).isEmpty();
        return compiled.ruleSet();
    }

    /** A real store whose commits fail once crashed: the pipeline's final commit does not happen. */
    private static final class CrashableStore extends ForwardingStore {
        volatile boolean crashed;

        CrashableStore(LuceneEventStore delegate) {
            super(delegate);
        }

        @Override
        public void commit() throws IOException {
            if (crashed) throw new IOException("crashed (simulated)");
            super.commit();
        }
    }

    /** Passes every call to a real store. */
    private static class ForwardingStore implements io.vigil.store.EventStore {
        private final io.vigil.store.EventStore delegate;

        ForwardingStore(io.vigil.store.EventStore delegate) {
            this.delegate = delegate;
        }

        @Override public void add(List<io.vigil.event.StoredEvent> events, long position) throws IOException {
            delegate.add(events, position);
        }
        @Override public void commit() throws IOException { delegate.commit(); }
        @Override public void refresh() throws IOException { delegate.refresh(); }
        @Override public boolean recentlySearched() { return delegate.recentlySearched(); }
        @Override public long replayFrom() throws IOException { return delegate.replayFrom(); }
        @Override public io.vigil.store.SearchResult search(io.vigil.store.SearchRequest r) throws IOException {
            return delegate.search(r);
        }
        @Override public java.util.Optional<io.vigil.event.Event> get(String id) throws IOException { return delegate.get(id); }
        @Override public java.util.Optional<byte[]> original(String id) throws IOException { return delegate.original(id); }
        @Override public int applyRetention(java.time.Duration a, long b) throws IOException {
            return delegate.applyRetention(a, b);
        }
        @Override public List<PartitionStats> stats() throws IOException { return delegate.stats(); }
        @Override public void close() {}
    }
}
