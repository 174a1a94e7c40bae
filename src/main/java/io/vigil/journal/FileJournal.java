package io.vigil.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Journal} in segment files in one directory, with group commit.
 *
 * <pre>
 *   dir/00000000000000000000.seg   [header 20 B: magic | version | base | CRC32C][record][record]...
 *   dir/00000000000000004096.seg   record = [0xA1 | u32 length | CRC32C(payload) | payload]
 *   dir/quarantine/                damaged bytes moved aside at open, never deleted
 *   dir/journal.lock               held while open
 * </pre>
 * The byte-level layout is drawn in {@link SegmentFormat}. A record's position is its segment's base plus
 * its offset in the file.
 *
 * <pre>{@code
 * try (FileJournal journal = FileJournal.open(new FileJournal.Options(dir, 64 << 20, 4L << 30))) {
 *     long position = journal.append(payload).join();        // durable once this returns
 *     try (JournalReader reader = journal.reader(journal.startPosition())) {
 *         for (JournalReader.Record r; (r = reader.next()) != null; ) consume(r);
 *     }
 *     journal.awaitEnd(journal.endPosition(), 1000);          // tail without spinning
 * }
 * }</pre>
 *
 * <p>Appends from any thread (virtual threads included) are queued for one platform writer thread,
 * {@link GroupCommitWriter}, which writes whatever has accumulated and fsyncs once for all of it. Open-time
 * recovery ({@link SegmentRecovery}) truncates torn tails and quarantines corruption; {@link #openProblems()}
 * lists what it found. One process at a time: the directory is locked while open.
 */
public final class FileJournal implements Journal {
    private static final Logger log = LoggerFactory.getLogger(FileJournal.class);
    private static final int RETRY_AFTER_SECONDS = 2;
    private static final String LOCK_FILE = "journal.lock";

    /**
     * @param dir          directory holding the segment files (created if missing)
     * @param segmentBytes roll to a new segment once a record would take a segment past this size
     * @param maxBytes     appends fail with {@link JournalFullException} rather than take the journal past this
     */
    public record Options(Path dir, long segmentBytes, long maxBytes) {
        public static final long MIN_SEGMENT_BYTES = 64;

        public Options {
            List<String> problems = new ArrayList<>();
            if (dir == null) problems.add("journal dir: missing; give the directory that holds the segment files");
            if (segmentBytes < MIN_SEGMENT_BYTES) {
                problems.add("journal segment_bytes: " + segmentBytes + " is below the minimum " + MIN_SEGMENT_BYTES + "; use e.g. 67108864 (64 MiB)");
            }
            if (maxBytes < 2 * segmentBytes) {
                problems.add("journal max_bytes: " + maxBytes + " must be at least twice segment_bytes (" + segmentBytes
                        + ") so that releasing a sealed segment can free room");
            }
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private final Options options;
    private final SegmentSet segments;
    private final JournalSpace space;
    private final JournalCounters counters;
    private final GroupCommitWriter writer;
    private final Thread writerThread;
    private final List<String> openProblems;
    private final List<String> readProblems = new CopyOnWriteArrayList<>();
    private final FileChannel lockChannel;
    private volatile boolean closed;

    private FileJournal(Options options, Opened opened, FileChannel lockChannel) {
        this.options = options;
        this.segments = opened.segments();
        this.space = new JournalSpace(options.maxBytes(), opened.diskBytes());
        this.counters = new JournalCounters();
        this.openProblems = opened.problems();
        this.lockChannel = lockChannel;
        var ctx = new GroupCommitWriter.Context(options.dir(), options.segmentBytes(), opened.opener(), segments, space, counters);
        this.writer = new GroupCommitWriter(ctx, opened.active());
        this.writerThread = Thread.ofPlatform().name("vigil-journal-writer").daemon(true).start(writer);
    }

    /** Opens (or creates) the journal in {@code options.dir()}, recovering from a crash if needed. */
    public static FileJournal open(Options options) throws IOException {
        return open(options, ActiveSegment.Opener.DEFAULT);
    }

    static FileJournal open(Options options, ActiveSegment.Opener opener) throws IOException {
        Files.createDirectories(options.dir());
        FileChannel lockChannel = lock(options.dir());
        try {
            return new FileJournal(options, Opened.from(options.dir(), opener), lockChannel);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) throw new OverlappingFileLockException();
            return channel;
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("journal " + dir + " is already open (in this or another process); close it first");
        }
    }

    @Override
    public CompletableFuture<Long> append(byte[] payload) {
        PendingAppend append = PendingAppend.of(payload);
        if (closed) return CompletableFuture.failedFuture(closedException());
        if (append.recordBytes() + 2L * SegmentFormat.FILE_HEADER_BYTES > options.maxBytes()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a payload of " + payload.length
                    + " bytes can never fit a journal of max_bytes " + options.maxBytes() + "; split it or raise max_bytes"));
        }
        if (!space.tryReserve(append.recordBytes())) {
            counters.rejectedFull.increment();
            return CompletableFuture.failedFuture(new JournalFullException("journal " + options.dir() + " is full: "
                    + space.diskBytes() + " of " + options.maxBytes() + " bytes held until consumers release them",
                    RETRY_AFTER_SECONDS));
        }
        if (!writer.enqueue(append)) {
            space.failed(append.recordBytes());
            return CompletableFuture.failedFuture(closedException());
        }
        return append.future();
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("journal " + options.dir() + " is closed; appends are no longer accepted");
    }

    @Override
    public JournalReader reader(long position) throws IOException {
        long start = segments.startPosition();
        if (position < start || position > segments.durableEnd()) {
            throw new IllegalArgumentException("journal position " + position + " is outside [" + start + ", "
                    + segments.durableEnd() + "]: read from startPosition() or a position a record was given");
        }
        return new FileJournalReader(segments, position, this::damagedRecord);
    }

    private void damagedRecord(String problem) {
        counters.damagedRecordsSkipped.increment();
        readProblems.add(problem);
        log.error("journal read skipped damaged data: {}", problem);
    }

    /** Blocks until records past {@code afterPosition} are durable, or the timeout passes; returns {@link #endPosition()}. */
    public long awaitEnd(long afterPosition, long timeoutMillis) throws InterruptedException {
        return segments.awaitEnd(afterPosition, timeoutMillis);
    }

    @Override
    public long startPosition() {
        return segments.startPosition();
    }

    /** The durable end: every record before it is on disk and readable; the next record starts here or in a new segment. */
    @Override
    public long endPosition() {
        return segments.durableEnd();
    }

    @Override
    public void release(long position) throws IOException {
        space.released(segments.release(position));
    }

    @Override
    public long sizeBytes() {
        return space.diskBytes();
    }

    /** What recovery found and did at open (torn tails truncated, corruption quarantined); empty when clean. */
    public List<String> openProblems() {
        return openProblems;
    }

    /** Damaged records readers met and skipped since open. */
    public List<String> readProblems() {
        return Collections.unmodifiableList(readProblems);
    }

    public JournalStats stats() {
        return counters.snapshot();
    }

    public long fsyncCount() {
        return counters.fsyncs.sum();
    }

    /** Writes and fsyncs every append already accepted, then stops the writer thread. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        writer.stop();
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the journal writer to finish", e);
        } finally {
            lockChannel.close();
        }
    }
}
