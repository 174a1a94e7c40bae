package io.vigil.ingest.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code \n}, dropping a trailing {@code \r}; the last line needs no
 * newline. Bytes are kept exactly (no charset decoding), so documents reach the journal as sent.
 * Line numbers are 1-based and count every line, blank ones included, so errors point at the right place.
 *
 * <p>Each line is copied once out of the read buffer (twice only when it spans two reads); the newline is
 * found eight bytes at a time, since a 5 MB {@code _bulk} body is mostly long document lines.
 */
final class LineReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int lineNumber;
    private boolean eof;
    /** The start of a line that ran past the end of the buffer, and how many of its bytes are in it. */
    private byte[] partial = new byte[0];
    private int partialLength;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    byte[] next() throws IOException {
        partialLength = 0;
        boolean started = false;
        while (true) {
            if (position == limit && (eof || !fill())) {
                if (!started) return null;
                lineNumber++;
                return withoutCarriageReturn(partial, 0, partialLength);
            }
            started = true;
            int newline = indexOfNewline(buffer, position, limit);
            if (newline >= 0) {
                lineNumber++;
                byte[] line = partialLength == 0
                        ? withoutCarriageReturn(buffer, position, newline - position)
                        : joinPartial(newline);
                position = newline + 1;
                return line;
            }
            appendPartial(limit);
            position = limit;
        }
    }

    /** The number of the line last returned by {@link #next()}. */
    int lineNumber() {
        return lineNumber;
    }

    private byte[] joinPartial(int newline) {
        appendPartial(newline);
        return withoutCarriageReturn(partial, 0, partialLength);
    }

    private void appendPartial(int end) {
        int length = end - position;
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + length, partial.length * 2));
        }
        System.arraycopy(buffer, position, partial, partialLength, length);
        partialLength += length;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** Index of the first '\n' in {@code b[from, to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS; // the lowest flagged byte is exact (borrows only run upwards)
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    private static byte[] withoutCarriageReturn(byte[] source, int from, int length) {
        if (length > 0 && source[from + length - 1] == '\r') length--;
        return Arrays.copyOfRange(source, from, from + length);
    }

    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
