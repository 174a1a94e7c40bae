package io.vigil.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The segments of one journal and its durable end, shared by the writer thread, readers and releasers.
 *
 * <p>Invariant readers rely on: the writer registers a new segment (and seals the old one) before it
 * publishes a durable end inside the new segment, so a reader that saw a durable end finds every segment
 * below it in the map.
 */
final class SegmentSet {
    private final ConcurrentSkipListMap<Long, SegmentFile> byBase = new ConcurrentSkipListMap<>();
    private final ReentrantLock endLock = new ReentrantLock();
    private final Condition endAdvanced = endLock.newCondition();
    private final ReentrantLock releaseLock = new ReentrantLock();
    private volatile long durableEnd;

    SegmentSet(List<SegmentFile> segments, long durableEnd) {
        for (SegmentFile s : segments) byBase.put(s.base(), s);
        this.durableEnd = durableEnd;
    }

    long durableEnd() {
        return durableEnd;
    }

    long startPosition() {
        return byBase.firstEntry().getValue().firstRecordPosition();
    }

    /** The segment whose range holds {@code position}, or null when the position lies before every segment. */
    SegmentFile containing(long position) {
        Map.Entry<Long, SegmentFile> e = byBase.floorEntry(position);
        return e == null ? null : e.getValue();
    }

    SegmentFile after(SegmentFile segment) {
        Map.Entry<Long, SegmentFile> e = byBase.higherEntry(segment.base());
        return e == null ? null : e.getValue();
    }

    /** Writer thread only: seals {@code old} at {@code oldEnd} and makes {@code next} the active segment. */
    void roll(SegmentFile old, long oldEnd, SegmentFile next) {
        byBase.put(old.base(), new SegmentFile(old.base(), old.path(), oldEnd));
        byBase.put(next.base(), next);
    }

    /** Writer thread only: everything before {@code end} is on disk; wakes readers waiting for it. */
    void publishDurableEnd(long end) {
        endLock.lock();
        try {
            durableEnd = end;
            endAdvanced.signalAll();
        } finally {
            endLock.unlock();
        }
    }

    /** Blocks until the durable end is past {@code afterPosition} or the time is up; returns the durable end. */
    long awaitEnd(long afterPosition, long timeoutMillis) throws InterruptedException {
        long remaining = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        endLock.lock();
        try {
            while (durableEnd <= afterPosition && remaining > 0) {
                remaining = endAdvanced.awaitNanos(remaining);
            }
            return durableEnd;
        } finally {
            endLock.unlock();
        }
    }

    /**
     * Deletes sealed segments, oldest first, whose end is at or before {@code position}. Stops at the first
     * one that is still needed, so what remains is always contiguous. Returns the bytes freed.
     */
    long release(long position) throws IOException {
        releaseLock.lock();
        try {
            long freed = 0;
            List<SegmentFile> doomed = new ArrayList<>();
            for (SegmentFile s : byBase.values()) {
                if (!s.isSealed() || s.endPosition() > position || byBase.lastKey() == s.base()) break;
                doomed.add(s);
            }
            for (SegmentFile s : doomed) {
                long size = Files.size(s.path());
                byBase.remove(s.base());
                Files.deleteIfExists(s.path());
                freed += size;
            }
            return freed;
        } finally {
            releaseLock.unlock();
        }
    }
}
