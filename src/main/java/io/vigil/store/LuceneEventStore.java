package io.vigil.store;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import io.vigil.store.text.LogTextAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The embedded {@link EventStore}: one Lucene index per UTC day under {@code dir}, plus {@code store.state}.
 *
 * <p>Exactly-once: each partition commit records {@code vigil.position}, the highest journal position added to
 * it; {@link #add} skips an event whose partition has committed its record's position. {@link #commit}
 * commits every changed partition and only then writes {@code store.state} with the position all of them
 * cover; {@link #replayFrom} returns that position, so a crash between two partition commits replays the
 * record and the partition that already has it skips it. If {@code store.state} is missing, the lowest
 * {@code vigil.complete} over the partitions is used instead (safe, possibly older).
 *
 * <p>Threads: one writer thread calls add/commit/refresh/applyRetention; any thread searches. {@link #add}
 * hands the documents to indexing threads ({@link ParallelIndexing}) and returns; refresh, commit, retention
 * and discard first wait for them, so "added, then refreshed" still means searchable and "added, then committed"
 * durable.
 * Usage: {@code try (var store = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir))) {...}}.
 */
public final class LuceneEventStore implements EventStore {
    static final long DAY_MILLIS = 86_400_000L;

    /**
     * @param dir            where the partitions and {@code store.state} live (created if missing)
     * @param ramBufferMb    indexing buffer of each open partition writer before it flushes a segment
     * @param maxTermsWalked per segment, how many terms a terms/cardinality aggregation on a field without doc
     *                       values may walk before it gives up (then the result says it is incomplete)
     * @param clock          "now" for retention (the current day is never deleted)
     */
    public record Options(Path dir, double ramBufferMb, int maxTermsWalked, Clock clock, EventReparser reparser) {
        /** Without a reparser: every event is stored with its fields. */
        public Options(Path dir, double ramBufferMb, int maxTermsWalked, Clock clock) {
            this(dir, ramBufferMb, maxTermsWalked, clock, null);
        }

        /** The same options with the parser's re-parse (see {@link EventReparser}); null for none. */
        public Options withReparser(EventReparser reparser) {
            return new Options(dir, ramBufferMb, maxTermsWalked, clock, reparser);
        }

        public Options {
            if (dir == null) throw new IllegalArgumentException("dir is required");
            if (!(ramBufferMb >= 1 && ramBufferMb <= 2048)) throw new IllegalArgumentException("ramBufferMb must be in [1, 2048], got " + ramBufferMb);
            if (maxTermsWalked < 1) throw new IllegalArgumentException("maxTermsWalked must be >= 1, got " + maxTermsWalked);
            if (clock == null) throw new IllegalArgumentException("clock is required");
        }

        public static Options defaults(Path dir) {
            return new Options(dir, 192, 10_000, Clock.systemUTC());
        }
    }

    private final Options options;
    private final StoreContext context;
    /** Threads that build and add documents; the writer thread is one of them. */
    private final RawEvents raw;
    private final ParallelIndexing indexing;
    private final LuceneQueries queries;
    private final ConcurrentSkipListMap<Long, Partition> partitions = new ConcurrentSkipListMap<>();
    private boolean stateFileFound;
    private final List<String> openProblems = new ArrayList<>();
    private volatile StoreState state;
    /** Highest position added in this session; replay may legitimately start below the committed position. */
    private long lastAddedPosition = Long.MIN_VALUE;
    private final AtomicLong skippedAsCommitted = new AtomicLong();
    private final AtomicLong droppedByRetention = new AtomicLong();
    private volatile boolean closed;

    private LuceneEventStore(Options options, Optional<StoreState> state) {
        this.options = options;
        this.raw = new RawEvents(options.reparser());
        this.indexing = new ParallelIndexing(
                Integer.getInteger("vigil.index.threads", Math.min(4, Runtime.getRuntime().availableProcessors())), raw);
        LogTextAnalyzer analyzer = new LogTextAnalyzer();
        this.context = new StoreContext(analyzer, options.ramBufferMb());
        this.queries = new LuceneQueries(analyzer);
        this.stateFileFound = state.isPresent();
        this.state = state.orElse(StoreState.EMPTY);
    }

    /**
     * Opens the store, checking every partition ({@link PartitionCheck}). A damaged partition is moved to
     * {@code quarantine/} beside {@code dir} and reported in {@link #openProblems()}; the committed position is
     * then reset so that the pipeline replays the whole journal — partitions that are sound skip what they have
     * committed, the quarantined day gets back whatever the journal still holds.
     */
    public static LuceneEventStore open(Options options) throws IOException {
        Files.createDirectories(options.dir());
        LuceneEventStore store = new LuceneEventStore(options, StoreState.read(options.dir()));
        try (Stream<Path> children = Files.list(options.dir())) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (!Files.isDirectory(child) || !name.startsWith(Partition.PREFIX)) continue;
                long day = LocalDate.parse(name.substring(Partition.PREFIX.length())).toEpochDay();
                Optional<String> damage = PartitionCheck.damage(child);
                if (damage.isPresent()) {
                    store.quarantine(child, damage.get());
                    continue;
                }
                store.partitions.put(day, Partition.open(options.dir(), day));
            }
        }
        return store;
    }

    private void quarantine(Path partition, String damage) throws IOException {
        Path moved = PartitionCheck.quarantine(options.dir(), partition);
        // Durably forget the committed position first, so that a crash before the replay ends still replays.
        StoreState next = state.withCommittedPosition(-1);
        next.write(options.dir());
        state = next;
        stateFileFound = true;
        openProblems.add("store partition " + partition + " is damaged (" + damage + "); moved to " + moved
                + "; the other partitions keep serving and its events are replayed from what the journal still holds");
    }

    /** Partitions found damaged and quarantined at open, one message each; empty when all were sound. */
    public List<String> openProblems() {
        return List.copyOf(openProblems);
    }

    @Override
    public void add(List<StoredEvent> events, long position) throws IOException {
        ensureOpen();
        if (position <= lastAddedPosition) {
            throw new IllegalArgumentException("journal positions must increase: got " + position + " after " + lastAddedPosition);
        }
        Partition[] targets = new Partition[events.size()];
        java.util.Set<Partition> touched = new java.util.HashSet<>();
        for (int i = 0; i < targets.length; i++) {
            long day = Math.floorDiv(events.get(i).event().timestamp(), DAY_MILLIS);
            if (day < state.retentionFloorDay()) {
                droppedByRetention.incrementAndGet();
                continue;
            }
            Partition partition = partitionForWrite(day);
            if (partition.hasCommitted(position)) {
                skippedAsCommitted.incrementAndGet();
                continue;
            }
            partition.open(context);
            targets[i] = partition;
            touched.add(partition);
        }
        indexing.submit(events, targets);
        for (Partition p : touched) p.markAdded(position);
        lastAddedPosition = Math.max(lastAddedPosition, position);
        controlMemory();
    }

    private Partition partitionForWrite(long day) throws IOException {
        Partition p = partitions.get(day);
        if (p == null) {
            p = Partition.open(options.dir(), day);
            partitions.put(day, p);
        }
        return p;
    }

    /**
     * Nobody has searched for {@link #SEARCH_IDLE_NANOS}: the pipeline stops refreshing every interval (each
     * refresh writes small segments for every active day, a large share of indexing cost under load), and the
     * first search after the pause refreshes before it runs, so it still sees every event processed so far.
     */
    private static final long SEARCH_IDLE_NANOS = 30_000_000_000L;
    /**
     * Starts idle: nobody has searched a store just opened, so the pipeline does not refresh every interval
     * (each refresh writes two small segments that later cost merges) until someone does; that first search
     * refreshes before it runs. Syslog bench: the first 30 s used to refresh every 500 ms although unsearched.
     */
    private volatile long lastSearchNanos = System.nanoTime() - SEARCH_IDLE_NANOS - 1;

    private void refreshIfSearchIdle() throws IOException {
        long now = System.nanoTime();
        boolean idle = now - lastSearchNanos > SEARCH_IDLE_NANOS;
        lastSearchNanos = now;
        if (idle) {
            indexing.awaitQuietly(); // an indexing failure is the pipeline's to handle, not this search's
            for (Partition p : partitions.values()) p.refresh();
        }
    }

    /**
     * Each day's writer has its own buffer; events spread over many days (a backlog, a replayed archive) would
     * let them together outgrow the heap and drown the JVM in garbage collection. One budget for all writers —
     * the configured buffer, at most a quarter of the heap — is kept by flushing the largest buffers first.
     */
    private void controlMemory() throws IOException {
        if (++addsSinceMemoryCheck < 4) return;
        addsSinceMemoryCheck = 0;
        long memoryBudget = Math.min((long) (options.ramBufferMb() * 1024 * 1024), Runtime.getRuntime().maxMemory() / 4);
        long total = 0;
        for (Partition p : partitions.values()) total += p.ramBytesUsed();
        while (total > memoryBudget) {
            Partition largest = null;
            for (Partition p : partitions.values()) {
                if (largest == null || p.ramBytesUsed() > largest.ramBytesUsed()) largest = p;
            }
            long before = largest.ramBytesUsed();
            if (before == 0) return;
            largest.flushBuffer();
            total -= before - largest.ramBytesUsed();
        }
    }

    private int addsSinceMemoryCheck;

    @Override
    public boolean recentlySearched() {
        return System.nanoTime() - lastSearchNanos <= SEARCH_IDLE_NANOS;
    }

    @Override
    public void refresh() throws IOException {
        ensureOpen();
        indexing.await();
        indexing.flushBuffers(partitions.values().stream().filter(Partition::isUnrefreshed).toList());
        for (Partition p : partitions.values()) p.refresh();
    }

    @Override
    public void commit() throws IOException {
        ensureOpen();
        indexing.await();
        indexing.flushBuffers(partitions.values().stream().filter(Partition::isDirty).toList());
        long complete = Math.max(lastAddedPosition, state.committedPosition());
        for (Partition p : partitions.values()) p.commit(complete);
        if (complete > state.committedPosition()) {
            StoreState next = state.withCommittedPosition(complete);
            next.write(options.dir());
            state = next;
        }
    }

    /**
     * Drops everything added since the last commit, in every partition, after a failed add, refresh or commit
     * (a full disk; a writer that Lucene closed after a tragic error). The caller then replays the journal from
     * {@link #replayFrom()}; partitions skip what they committed. Writer thread only.
     */
    public void discardUncommitted() throws IOException {
        ensureOpen();
        indexing.awaitQuietly();
        indexing.clearFailure();
        IOException first = null;
        for (Partition p : partitions.values()) {
            try {
                p.discardUncommitted();
            } catch (IOException e) {
                if (first == null) first = e; else first.addSuppressed(e);
            }
        }
        lastAddedPosition = Long.MIN_VALUE;
        if (first != null) throw first;
    }

    /** The highest position known durable everywhere, or -1. */
    private long replayFloor() {
        if (stateFileFound || state.committedPosition() >= 0) return state.committedPosition();
        long min = Long.MAX_VALUE;
        for (Partition p : partitions.values()) min = Math.min(min, p.completePosition());
        return min == Long.MAX_VALUE ? -1 : min;
    }

    @Override
    public long replayFrom() {
        return Math.max(0, replayFloor());
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        return search(request, SearchCancellation.NONE);
    }

    /**
     * A cancellable search runs on per-search searchers over {@link ExitableDirectoryReader}s of the shared
     * ones, with the cancellation as their timeout: Lucene then stops while enumerating terms (a leading
     * wildcard walks the whole terms dictionary before it scores anything) and while scoring.
     */
    @Override
    public SearchResult search(SearchRequest request, SearchCancellation cancellation) throws IOException {
        ensureOpen();
        cancellation.check();
        refreshIfSearchIdle();
        long start = System.nanoTime();
        var query = queries.translate(request.query());
        List<IndexSearcher> acquired = new ArrayList<>();
        List<PartitionSearch.Opened> opened = new ArrayList<>();
        boolean emptyRange = request.from() >= request.to();
        try {
            for (Partition p : emptyRange ? List.<Partition>of() : partitions.values()) {
                long dayStart = p.day * DAY_MILLIS;
                if (dayStart >= request.to() || dayStart + DAY_MILLIS <= request.from()) continue;
                IndexSearcher searcher = acquireOrNull(p);
                if (searcher == null) continue;
                acquired.add(searcher);
                opened.add(new PartitionSearch.Opened(p, cancellable(searcher, cancellation)));
            }
            var limits = new PartitionSearch.Limits(options.maxTermsWalked(), cancellation);
            return new PartitionSearch(opened, request, query, raw, limits).run(start);
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            throw new SearchCancelledException();
        } finally {
            for (int i = 0; i < acquired.size(); i++) opened.get(i).partition().release(acquired.get(i));
        }
    }

    private static IndexSearcher cancellable(IndexSearcher shared, SearchCancellation cancellation) throws IOException {
        if (cancellation == SearchCancellation.NONE) return shared;
        QueryTimeout timeout = cancellation.asQueryTimeout();
        // Not closed after the search: closing would decRef the shared reader, which release() does.
        IndexSearcher searcher = new IndexSearcher(
                ExitableDirectoryReader.wrap((DirectoryReader) shared.getIndexReader(), timeout));
        searcher.setTimeout(timeout);
        return searcher;
    }

    /** A searcher, or null when retention closed the partition meanwhile (its events are gone anyway). */
    private IndexSearcher acquireOrNull(Partition p) throws IOException {
        try {
            return p.acquire(context);
        } catch (AlreadyClosedException e) {
            return null;
        }
    }

    @Override
    public Optional<Event> get(String id) throws IOException {
        return findById(id, EventDocuments.STORED)
                .map(doc -> EventDocuments.toEvent(doc, raw));
    }

    /** The raw bytes, exact: they are stored, or they are the event's {@code event.original} text. */
    @Override
    public Optional<byte[]> original(String id) throws IOException {
        return findById(id, EventDocuments.STORED)
                .flatMap(doc -> EventDocuments.original(doc, raw));
    }

    private Optional<Document> findById(String id, Set<String> fields) throws IOException {
        refreshIfSearchIdle();
        ensureOpen();
        for (Partition p : partitions.descendingMap().values()) {
            IndexSearcher searcher = acquireOrNull(p);
            if (searcher == null) continue;
            try {
                TopDocs top = searcher.search(IdPoints.of(id), 1);
                if (top.scoreDocs.length > 0) return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc, fields));
            } finally {
                p.release(searcher);
            }
        }
        return Optional.empty();
    }

    @Override
    public int applyRetention(Duration maxAge, long maxBytes) throws IOException {
        ensureOpen();
        indexing.await(); // no indexing thread may still be adding to a partition about to be deleted
        Retention.Plan plan = Retention.plan(partitions.values(), options.clock().millis(), maxAge, maxBytes);
        for (Partition p : plan.doomed()) {
            partitions.remove(p.day);
            p.close();
            Retention.deleteTree(p.path());
        }
        if (!plan.doomed().isEmpty()) {
            long floor = plan.doomed().getLast().day + 1;
            StoreState next = state.withRetentionFloorDay(Math.max(floor, state.retentionFloorDay()));
            next.write(options.dir());
            state = next;
        }
        return plan.doomed().size();
    }

    @Override
    public List<PartitionStats> stats() throws IOException {
        ensureOpen();
        indexing.awaitQuietly();
        List<PartitionStats> stats = new ArrayList<>();
        for (Partition p : partitions.values()) {
            stats.add(new PartitionStats(p.name, p.eventCount(), p.sizeBytes(), p.committedPosition()));
        }
        return stats;
    }

    /** Events ignored by {@link #add} because their partition had already committed them (replay). */
    public long skippedAsCommitted() {
        return skippedAsCommitted.get();
    }

    /** Raw-only events whose re-parse at write time differed from the indexed event (should stay 0). */
    public long reparseMismatches() {
        return raw.mismatches();
    }

    /** Events ignored by {@link #add} because their day was already deleted by retention. */
    public long droppedByRetention() {
        return droppedByRetention.get();
    }

    /** Commits, then closes every partition. */
    @Override
    public void close() throws IOException {
        indexing.close();
        if (closed) return;
        commit();
        abandon();
    }

    /** Closes without committing, as a crash would: what was added since the last commit is lost. */
    void abandon() throws IOException {
        indexing.close();
        closed = true;
        for (Partition p : partitions.values()) p.close();
    }

    /** Commits one partition only, leaving {@code store.state} alone: a crash in the middle of {@link #commit}. */
    void commitOnly(LocalDate day) throws IOException {
        indexing.await();
        partitions.get(day.toEpochDay()).commit(Math.max(lastAddedPosition, state.committedPosition()));
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the event store at " + options.dir() + " is closed");
    }
}
