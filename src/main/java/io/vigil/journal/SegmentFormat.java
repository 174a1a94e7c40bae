package io.vigil.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a journal segment file. All integers are big-endian.
 *
 * <pre>
 * Segment file "{base position, 20 digits}.seg":
 *
 *   +--------------------------- file header, 20 bytes ----------------------------+
 *   | 0  u32 magic 0x56474A4C ("VGJL")                                              |
 *   | 4  u32 format version (1)                                                     |
 *   | 8  i64 base position: the logical position of byte 0 of this file            |
 *   | 16 u32 CRC32C of bytes 0..15                                                  |
 *   +-------------------------------------------------------------------------------+
 *   | record | record | record | ...                                               |
 *
 * Record, 9 + n bytes (never split across files):
 *
 *   | 0  u8  record marker 0xA1 (high nibble: magic 0xA, low nibble: record version 1)
 *   | 1  i32 payload length n (0 &lt;= n)
 *   | 5  u32 CRC32C of the payload bytes
 *   | 9  n bytes payload
 * </pre>
 *
 * <p>A record's position is {@code base + offset in file}, so the first record of a segment sits at
 * {@code base + 20}, and the next segment's base is the previous segment's base plus its file size.
 */
final class SegmentFormat {
    static final int FILE_MAGIC = 0x56474A4C;
    static final int FORMAT_VERSION = 1;
    static final int FILE_HEADER_BYTES = 20;
    static final byte RECORD_MARKER = (byte) 0xA1;
    static final int RECORD_HEADER_BYTES = 9;
    static final String SUFFIX = ".seg";

    private SegmentFormat() {}

    static String fileName(long base) {
        return String.format("%020d%s", base, SUFFIX);
    }

    /** The base position a segment file name stands for, or -1 when the name is not a segment name. */
    static long baseOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() != 20 + SUFFIX.length()) return -1;
        String digits = fileName.substring(0, 20);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) return -1;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    static ByteBuffer fileHeader(long base) {
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES);
        header.putInt(FILE_MAGIC).putInt(FORMAT_VERSION).putLong(base);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 16);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /** Checks a file header; returns null when valid, else what is wrong ("actual X vs expected Y"). */
    static String checkFileHeader(FileChannel channel, long expectedBase) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES);
        readFully(channel, header, 0);
        int magic = header.getInt(0);
        if (magic != FILE_MAGIC) return "file magic actual " + hex(magic) + " vs expected " + hex(FILE_MAGIC);
        int version = header.getInt(4);
        if (version != FORMAT_VERSION) return "format version actual " + version + " vs expected " + FORMAT_VERSION;
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 16);
        int stored = header.getInt(16);
        if (stored != (int) crc.getValue()) {
            return "header checksum actual " + hex((int) crc.getValue()) + " vs expected " + hex(stored);
        }
        long base = header.getLong(8);
        if (base != expectedBase) return "base position actual " + base + " vs expected " + expectedBase + " (file name)";
        return null;
    }

    /** Writes a record header for {@code payloadLength} bytes with checksum {@code crc} into {@code out}. */
    static void putRecordHeader(ByteBuffer out, int payloadLength, int crc) {
        out.put(RECORD_MARKER).putInt(payloadLength).putInt(crc);
    }

    /** Reads and verifies the record at {@code offset}; {@code limit} is the file offset where valid data ends. */
    static RecordRead readRecord(FileChannel channel, long offset, long limit) throws IOException {
        long available = limit - offset;
        if (available < RECORD_HEADER_BYTES) return new RecordRead.Truncated(offset, RECORD_HEADER_BYTES, available);
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER_BYTES);
        readFully(channel, header, offset);
        byte marker = header.get(0);
        if (marker != RECORD_MARKER) {
            return new RecordRead.Damaged(offset, "record marker actual " + String.format("0x%02x", marker & 0xFF)
                    + " vs expected " + String.format("0x%02x", RECORD_MARKER & 0xFF));
        }
        int length = header.getInt(1);
        if (length < 0) return new RecordRead.Damaged(offset, "record length actual " + length + " vs expected at least 0");
        if (length > available - RECORD_HEADER_BYTES) {
            return new RecordRead.Truncated(offset, RECORD_HEADER_BYTES + (long) length, available);
        }
        byte[] payload = new byte[length];
        readFully(channel, ByteBuffer.wrap(payload), offset + RECORD_HEADER_BYTES);
        int expected = header.getInt(5);
        int actual = checksum(payload);
        if (actual != expected) {
            return new RecordRead.Damaged(offset, "record checksum actual " + hex(actual) + " vs expected " + hex(expected));
        }
        return new RecordRead.Found(offset, payload, offset + RECORD_HEADER_BYTES + length);
    }

    /** True when some complete, checksum-valid record starts after {@code from}: the damage is not a torn tail. */
    static boolean hasValidRecordAfter(FileChannel channel, long from, long size) throws IOException {
        if (size - from <= RECORD_HEADER_BYTES) return false;
        ByteBuffer rest = channel.map(FileChannel.MapMode.READ_ONLY, from, size - from);
        int end = rest.limit();
        CRC32C crc = new CRC32C();
        for (int i = 1; i + RECORD_HEADER_BYTES <= end; i++) {
            if (rest.get(i) != RECORD_MARKER) continue;
            int length = rest.getInt(i + 1);
            if (length < 0 || length > end - i - RECORD_HEADER_BYTES) continue;
            crc.reset();
            crc.update(rest.slice(i + RECORD_HEADER_BYTES, length));
            if ((int) crc.getValue() == rest.getInt(i + 5)) return true;
        }
        return false;
    }

    static void readFully(FileChannel channel, ByteBuffer into, long offset) throws IOException {
        long at = offset;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) throw new IOException("unexpected end of file at offset " + at + " reading " + into.remaining() + " more bytes");
            at += n;
        }
    }

    static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
