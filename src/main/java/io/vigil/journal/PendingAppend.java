package io.vigil.journal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One queued append. The checksum is computed on the appending thread so that many appenders share the
 * work; the writer thread only copies and writes. The payload array is not copied: callers must not change
 * it until the future completes.
 */
record PendingAppend(byte[] payload, int checksum, CompletableFuture<Long> future) {
    PendingAppend {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(future, "future");
    }

    static PendingAppend of(byte[] payload) {
        return new PendingAppend(payload, SegmentFormat.checksum(payload), new CompletableFuture<>());
    }

    long recordBytes() {
        return SegmentFormat.RECORD_HEADER_BYTES + (long) payload.length;
    }
}
