package io.vigil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import io.vigil.store.codec.VigilCodec;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One UTC day of events: a Lucene index in {@code <dir>/events-YYYY-MM-DD/}, its writer (opened on first use)
 * and an NRT {@link SearcherManager}.
 *
 * <p>Commit user data: {@code vigil.position} = the highest journal position added to this partition and
 * committed (the skip threshold for replay); {@code vigil.complete} = the store-wide position that was
 * fully added when this partition committed (a fallback for {@code replayFrom} if {@code store.state} is lost).
 *
 * <p>Doc ids are stable across refreshes: there are no deletes, and {@link LogByteSizeMergePolicy} merges only
 * adjacent segments, so ({@code partition}, {@code doc}) is a stable tie-breaker for {@code search_after}.
 * Writer methods are called from the one writer thread; {@link #acquire} from any thread.
 */
final class Partition {
    static final String PREFIX = "events-";
    static final String POSITION_KEY = "vigil.position";
    static final String COMPLETE_KEY = "vigil.complete";

    final long day;
    final String name;
    private final Path path;
    private final Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile long committedPosition;
    private volatile long completePosition;
    private long maxAddedPosition;
    private boolean dirty;
    private volatile boolean unrefreshed;
    private volatile boolean closed;

    private Partition(long day, Path path, Directory directory, long committed, long complete) {
        this.day = day;
        this.name = nameOf(day);
        this.path = path;
        this.directory = directory;
        this.committedPosition = committed;
        this.completePosition = complete;
        this.maxAddedPosition = committed;
    }

    static String nameOf(long day) {
        return PREFIX + LocalDate.ofEpochDay(day);
    }

    /** Opens the directory of {@code day} under {@code root} and reads its last commit's positions (no writer yet). */
    static Partition open(Path root, long day) throws IOException {
        Path path = root.resolve(nameOf(day));
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        long committed = -1;
        long complete = -1;
        try {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            committed = Long.parseLong(data.getOrDefault(POSITION_KEY, "-1"));
            complete = Long.parseLong(data.getOrDefault(COMPLETE_KEY, "-1"));
        } catch (IndexNotFoundException e) {
            // created but never committed (crash before the first commit): it holds nothing
        }
        return new Partition(day, path, directory, committed, complete);
    }

    /**
     * Lucene writes a thread's buffer as a segment, on the indexing thread that fills it, once the writer's
     * buffers reach this (or {@code ramBufferMb} if smaller; the store-wide budget stays {@code ramBufferMb}):
     * segments are then written in parallel with indexing, not all at commit on the writer thread, which
     * stalled the pipeline for seconds. Syslog bench: pipeline thread 6.4-7.5 to 2.6 us/line; 48 and 96 MB cost
     * the same CPU, the larger makes fewer segments to merge.
     */
    static final double SEGMENT_BUFFER_MB = 96;
    /**
     * Time-ordered, append-only days: segments are never rewritten by deletes, so merging only bounds the
     * segment count. Merging 20 at a time instead of Lucene's 10 rewrites each document about half as often
     * (merge threads 3.9 to 2.3 us/line on the syslog bench) for at most ~2x the segments per day.
     */
    static final int MERGE_FACTOR = 20;

    /** Merges only adjacent segments, so doc ids keep their order (see the class comment). */
    private static LogByteSizeMergePolicy mergePolicy() {
        LogByteSizeMergePolicy policy = new LogByteSizeMergePolicy();
        policy.setMergeFactor(MERGE_FACTOR);
        return policy;
    }

    private synchronized void ensureOpen(Analyzer analyzer, double ramBufferMb) throws IOException {
        if (writer != null && searchers != null) return;
        if (closed) throw new org.apache.lucene.store.AlreadyClosedException("partition " + name + " is closed");
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setCodec(new VigilCodec())
                .setRAMBufferSizeMB(Math.min(ramBufferMb, SEGMENT_BUFFER_MB))
                .setMergePolicy(mergePolicy())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                // Day partitions hold few, large segments: compound files would save no handles worth having.
                .setUseCompoundFile(false);
        IndexWriter w = new IndexWriter(directory, config);
        searchers = new SearcherManager(w, false, false, null);
        writer = w;
    }

    /** First millisecond of the partition's day. */
    long start() {
        return day * LuceneEventStore.DAY_MILLIS;
    }

    /** First millisecond after the partition's day. */
    long end() {
        return start() + LuceneEventStore.DAY_MILLIS;
    }

    /** True when the day shares at least one millisecond with [from, to). */
    boolean overlaps(long from, long to) {
        return start() < to && end() > from;
    }

    /** True when the partition already holds (durably) the events of the record at {@code position}. */
    boolean hasCommitted(long position) {
        return committedPosition >= position;
    }

    void add(Document doc, long position, StoreContext context) throws IOException {
        open(context);
        addDocument(doc);
        markAdded(position);
    }

    /** Opens the writer if needed; call before {@link #addDocument} from the writer thread. */
    void open(StoreContext context) throws IOException {
        ensureOpen(context.analyzer(), context.ramBufferMb());
    }

    /** Adds one document; safe from several indexing threads at once (IndexWriter is thread-safe). */
    void addDocument(Document doc) throws IOException {
        writer.addDocument(doc);
    }

    /** Records that the events of the record at {@code position} were added; writer thread only. */
    void markAdded(long position) {
        maxAddedPosition = Math.max(maxAddedPosition, position);
        dirty = true;
        unrefreshed = true;
    }

    /** Heap the writer's unflushed documents take (0 when closed). */
    long ramBytesUsed() {
        IndexWriter w = writer;
        return w == null ? 0 : w.ramBytesUsed();
    }

    /** Writes the buffered documents as a segment (not a commit) to give their heap back. */
    void flushBuffer() throws IOException {
        IndexWriter w = writer;
        if (w != null) w.flush();
    }

    /**
     * Writes one indexing buffer of the writer as a segment on the calling thread; false when none holds
     * documents. Several threads may call it at once: each takes a different buffer.
     */
    boolean flushNextBuffer() throws IOException {
        IndexWriter w = writer;
        return w != null && w.flushNextBuffer();
    }

    /** True when documents were added since the last refresh. */
    boolean isUnrefreshed() {
        return unrefreshed;
    }

    boolean isDirty() {
        return dirty;
    }

    /** Commits what was added, recording this partition's position and the store-wide complete position. */
    void commit(long storeComplete) throws IOException {
        if (!dirty) return;
        Map<String, String> data = new HashMap<>();
        data.put(POSITION_KEY, Long.toString(maxAddedPosition));
        data.put(COMPLETE_KEY, Long.toString(storeComplete));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        committedPosition = maxAddedPosition;
        completePosition = storeComplete;
        dirty = false;
    }

    void refresh() throws IOException {
        if (unrefreshed && searchers != null) {
            unrefreshed = false; // before refreshing: an add racing with us sets it again and is not lost
            searchers.maybeRefreshBlocking();
        }
    }

    /** A searcher to {@link #release}; opens the partition if needed. */
    IndexSearcher acquire(StoreContext context) throws IOException {
        while (true) {
            ensureOpen(context.analyzer(), context.ramBufferMb());
            SearcherManager current = searchers;
            if (current == null) continue; // discarded between the two lines: open again
            try {
                return current.acquire();
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                if (closed) throw e;
            }
        }
    }

    void release(IndexSearcher searcher) throws IOException {
        searcher.getIndexReader().decRef(); // what SearcherManager.release does, and valid after a discard too
    }

    long committedPosition() {
        return committedPosition;
    }

    long completePosition() {
        return completePosition;
    }

    /** Events in the partition, including those added but not yet committed. */
    long eventCount() throws IOException {
        IndexWriter w = writer;
        if (w != null) return w.getDocStats().numDocs;
        try {
            return SegmentInfos.readLatestCommit(directory).totalMaxDoc();
        } catch (IndexNotFoundException e) {
            return 0;
        }
    }

    long sizeBytes() throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * Throws away the writer and what it held uncommitted (after a failed flush or commit, or a tragic error that
     * closed it); the next add or search opens a fresh writer on the last commit. Searches that hold a searcher
     * keep it until they release it.
     */
    synchronized void discardUncommitted() throws IOException {
        SearcherManager oldSearchers = searchers;
        IndexWriter oldWriter = writer;
        writer = null;
        searchers = null;
        maxAddedPosition = committedPosition;
        dirty = false;
        unrefreshed = false;
        try {
            if (oldSearchers != null) oldSearchers.close();
        } finally {
            if (oldWriter != null) oldWriter.rollback(); // a no-op on a writer Lucene already closed
        }
    }

    /** Closes without committing: uncommitted additions are lost, as in a crash. */
    synchronized void close() throws IOException {
        closed = true;
        if (searchers != null) searchers.close();
        if (writer != null) writer.rollback();
        directory.close();
        writer = null;
        searchers = null;
    }

    Path path() {
        return path;
    }
}
