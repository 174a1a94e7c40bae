package io.vigil.journal;

/** What reading one record at a file offset found. Offsets are within the segment file. */
sealed interface RecordRead {

    /** A complete record whose checksum matches; the next record starts at {@code nextOffset}. */
    record Found(long offset, byte[] payload, long nextOffset) implements RecordRead {}

    /** The record needs {@code needed} bytes but only {@code available} remain: a torn write or a damaged length. */
    record Truncated(long offset, long needed, long available) implements RecordRead {}

    /** The bytes are there but wrong; {@code problem} says "actual X vs expected Y". */
    record Damaged(long offset, String problem) implements RecordRead {}

    /** A one-line description of why this is not a valid record (empty for {@link Found}). */
    default String describe() {
        return switch (this) {
            case Found f -> "";
            case Truncated t -> "record length actual " + t.available() + " bytes available vs expected " + t.needed();
            case Damaged d -> d.problem();
        };
    }
}
