package io.vigil.journal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes the journal holds on disk and bytes promised to queued appends, against the {@code maxBytes} cap.
 * Appends reserve room before they are queued, so the queue itself can never push the journal past the cap.
 * Thread-safe.
 */
final class JournalSpace {
    private final long maxBytes;
    private final AtomicLong diskBytes;
    private final AtomicLong committedOrQueued;

    JournalSpace(long maxBytes, long diskBytes) {
        this.maxBytes = maxBytes;
        this.diskBytes = new AtomicLong(diskBytes);
        this.committedOrQueued = new AtomicLong(diskBytes);
    }

    /**
     * Reserves room for one record plus a possible new segment header; false when that would pass the cap.
     * The header allowance keeps a roll-over from overshooting {@code maxBytes}.
     */
    boolean tryReserve(long recordBytes) {
        long need = recordBytes + SegmentFormat.FILE_HEADER_BYTES;
        while (true) {
            long now = committedOrQueued.get();
            if (now + need > maxBytes) return false;
            if (committedOrQueued.compareAndSet(now, now + recordBytes)) return true;
        }
    }

    void written(long recordBytes) {
        diskBytes.addAndGet(recordBytes);
    }

    void failed(long recordBytes) {
        committedOrQueued.addAndGet(-recordBytes);
    }

    void segmentCreated() {
        diskBytes.addAndGet(SegmentFormat.FILE_HEADER_BYTES);
        committedOrQueued.addAndGet(SegmentFormat.FILE_HEADER_BYTES);
    }

    void released(long bytes) {
        diskBytes.addAndGet(-bytes);
        committedOrQueued.addAndGet(-bytes);
    }

    long diskBytes() {
        return diskBytes.get();
    }

    long maxBytes() {
        return maxBytes;
    }
}
