package io.vigil.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The store-level state file {@code store.state}: the journal position that every partition has durably
 * covered, and the retention floor (the first UTC day that retention has not deleted). Written to a temp
 * file, fsynced, atomically renamed, and the directory fsynced, so a crash leaves the old or the new file.
 *
 * <pre>
 * offset size field
 *      0    4 magic  'V' 'G' 'S' 'T'
 *      4    4 version (1)
 *      8    8 committed position (long; -1 = nothing committed)
 *     16    8 retention floor, epoch day (long; Long.MIN_VALUE = none)
 *     24    8 CRC32 of bytes 0..23 (long)
 * </pre>
 *
 * @param committedPosition the highest journal position whose events are durable in every partition
 * @param retentionFloorDay epoch day before which partitions were deleted; events for older days are dropped
 */
record StoreState(long committedPosition, long retentionFloorDay) {
    static final String FILE_NAME = "store.state";
    static final StoreState EMPTY = new StoreState(-1, Long.MIN_VALUE);
    private static final int MAGIC = 0x56475354;
    private static final int VERSION = 1;
    private static final int SIZE = 32;

    StoreState {
        if (committedPosition < -1) throw new IllegalArgumentException("committed position must be >= -1, got " + committedPosition);
    }

    StoreState withCommittedPosition(long position) {
        return new StoreState(position, retentionFloorDay);
    }

    StoreState withRetentionFloorDay(long day) {
        return new StoreState(committedPosition, day);
    }

    /** The state in {@code dir}, or empty when the file does not exist. Throws on a damaged file. */
    static Optional<StoreState> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length != SIZE) throw corrupt(file, "size " + bytes.length + " vs expected " + SIZE);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        if (magic != MAGIC) throw corrupt(file, "magic 0x" + Integer.toHexString(magic) + " vs expected 0x" + Integer.toHexString(MAGIC));
        int version = buf.getInt();
        if (version != VERSION) throw corrupt(file, "version " + version + " vs expected " + VERSION);
        long position = buf.getLong();
        long floor = buf.getLong();
        long stored = buf.getLong();
        long actual = crc(bytes);
        if (stored != actual) throw corrupt(file, "checksum 0x" + Long.toHexString(actual) + " vs expected 0x" + Long.toHexString(stored));
        return Optional.of(new StoreState(position, floor));
    }

    void write(Path dir) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(SIZE);
        buf.putInt(MAGIC).putInt(VERSION).putLong(committedPosition).putLong(retentionFloorDay);
        buf.putLong(crc(buf.array()));
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            buf.flip();
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 24);
        return crc.getValue();
    }

    private static IOException corrupt(Path file, String detail) {
        return new IOException("store state " + file + " is damaged at offset 0: " + detail
                + "; delete it to recover positions from the partitions' own commits (replay may repeat work, never lose it)");
    }
}
