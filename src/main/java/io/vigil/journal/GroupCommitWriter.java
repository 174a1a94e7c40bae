package io.vigil.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread: takes everything queued, writes it, fsyncs once, then completes the futures.
 *
 * <p>While one group is being fsynced, new appends queue up and become the next group, so the number of
 * fsyncs tracks disk latency rather than the number of appenders. A group is split only where it rolls
 * into a new segment (the old segment is fsynced before the new one is created).
 *
 * <p>Appenders only touch the queue (a {@link ReentrantLock}, so virtual threads do not pin). Futures
 * complete on the writer thread: callers that do real work on completion should use the *Async variants.
 */
final class GroupCommitWriter implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int STAGING_BYTES = 1 << 20;

    /** What the writer needs besides its queue; groups the collaborators so the constructor stays small. */
    record Context(Path dir, long segmentBytes, ActiveSegment.Opener opener, SegmentSet segments,
                   JournalSpace space, JournalCounters counters) {}

    private final Context ctx;
    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition queued = queueLock.newCondition();
    private List<PendingAppend> queue = new ArrayList<>();
    private boolean closing;
    private ActiveSegment active;
    private IOException broken;

    GroupCommitWriter(Context ctx, ActiveSegment active) {
        this.ctx = ctx;
        this.active = active;
    }

    /** Queues an append; false when the writer is closing (the caller fails the future). */
    boolean enqueue(PendingAppend append) {
        queueLock.lock();
        try {
            if (closing) return false;
            queue.add(append);
            queued.signal();
            return true;
        } finally {
            queueLock.unlock();
        }
    }

    /** Stops taking appends; the thread writes what is already queued and then ends. */
    void stop() {
        queueLock.lock();
        try {
            closing = true;
            queued.signal();
        } finally {
            queueLock.unlock();
        }
    }

    @Override
    public void run() {
        try {
            for (List<PendingAppend> group = takeGroup(); !group.isEmpty(); group = takeGroup()) {
                writeGroup(group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeActive();
        }
    }

    private List<PendingAppend> takeGroup() throws InterruptedException {
        queueLock.lock();
        try {
            while (queue.isEmpty() && !closing) queued.await();
            List<PendingAppend> group = queue;
            queue = new ArrayList<>();
            return group;
        } finally {
            queueLock.unlock();
        }
    }

    private void writeGroup(List<PendingAppend> group) {
        int from = 0;
        while (from < group.size()) {
            if (broken != null) {
                fail(group.subList(from, group.size()), broken);
                return;
            }
            try {
                if (!active.fits(group.get(from).recordBytes(), ctx.segmentBytes())) roll();
                from = commitChunk(group, from);
            } catch (IOException e) {
                recoverFrom(e);
                fail(group.subList(from, group.size()), e);
                return;
            } catch (RuntimeException e) {
                // A bug, not an I/O error: stop appending rather than risk a journal in an unknown state.
                broken = new IOException("journal writer stopped after an unexpected error; reopen the journal", e);
                log.error(broken.getMessage(), e);
                fail(group.subList(from, group.size()), broken);
                return;
            }
        }
    }

    /** Writes records from {@code from} on while they fit the active segment, fsyncs once; returns where it stopped. */
    private int commitChunk(List<PendingAppend> group, int from) throws IOException {
        long[] positions = new long[group.size() - from];
        int to = from;
        do {
            positions[to - from] = active.stage(group.get(to), staging);
            to++;
        } while (to < group.size() && active.fits(group.get(to).recordBytes(), ctx.segmentBytes()));
        active.commit(staging);
        ctx.counters().fsyncs.increment();
        ctx.segments().publishDurableEnd(active.nextPosition());
        for (int i = from; i < to; i++) {
            PendingAppend p = group.get(i);
            ctx.space().written(p.recordBytes());
            ctx.counters().recordsAppended.increment();
            ctx.counters().bytesAppended.add(p.payload().length);
            p.future().complete(positions[i - from]);
        }
        return to;
    }

    /** Seals the active segment (already fsynced) and starts a new one where it ends. */
    private void roll() throws IOException {
        SegmentFile old = active.file();
        long end = active.nextPosition();
        ActiveSegment next = ActiveSegment.create(ctx.dir(), end, ctx.opener());
        ctx.space().segmentCreated();
        ctx.segments().roll(old, end, next.file());
        ctx.segments().publishDurableEnd(next.nextPosition());
        ActiveSegment finished = active;
        active = next;
        finished.close();
    }

    /** Truncates a failed partial write away; if even that fails, the writer refuses further appends. */
    private void recoverFrom(IOException cause) {
        log.warn("journal write to {} failed; undoing the partial group: {}", active.file().name(), cause.toString());
        try {
            active.rollback(staging);
        } catch (IOException e) {
            e.addSuppressed(cause);
            broken = new IOException("journal segment " + active.file().path() + " could not be truncated back to "
                    + active.durableSize() + " bytes after a failed write; appends are refused until the journal"
                    + " is reopened (recovery truncates the torn tail)", e);
            log.error(broken.getMessage(), e);
        }
    }

    private void fail(List<PendingAppend> appends, IOException cause) {
        for (PendingAppend p : appends) {
            ctx.space().failed(p.recordBytes());
            ctx.counters().failedAppends.increment();
            p.future().completeExceptionally(cause);
        }
    }

    private void closeActive() {
        try {
            active.close();
        } catch (IOException e) {
            log.warn("closing journal segment {} failed: {}", active.file().name(), e.toString());
        }
    }
}
