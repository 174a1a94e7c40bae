package io.vigil.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One segment file as the journal knows it.
 *
 * @param base        logical position of the file's first byte (its name)
 * @param path        where it lives
 * @param endPosition where its valid data ends, or {@link #OPEN} for the active segment (whose end is the
 *                    journal's durable end). After a quarantine this is less than the next segment's base.
 */
record SegmentFile(long base, Path path, long endPosition) {
    static final long OPEN = Long.MAX_VALUE;

    SegmentFile {
        Objects.requireNonNull(path, "path");
        if (base < 0) throw new IllegalArgumentException("segment base must be >= 0, was " + base);
        if (endPosition < base) throw new IllegalArgumentException("segment end " + endPosition + " before base " + base);
    }

    long firstRecordPosition() {
        return base + SegmentFormat.FILE_HEADER_BYTES;
    }

    boolean isSealed() {
        return endPosition != OPEN;
    }

    String name() {
        return path.getFileName().toString();
    }
}
