package io.vigil.ingest.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines on {@code \n}, dropping a trailing {@code \r}; the last line needs no
 * newline. Bytes are kept exactly (no charset decoding), so documents reach the journal as sent.
 * Line numbers are 1-based and count every line, blank ones included, so errors point at the right place.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int lineNumber;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    if (line == null) {
                        return null;
                    }
                    lineNumber++;
                    return trimCarriageReturn(line.toByteArray());
                }
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(64, end - position));
            }
            line.write(buffer, position, end - position);
            if (newline >= 0) {
                position = newline + 1;
                lineNumber++;
                return trimCarriageReturn(line.toByteArray());
            }
            position = limit;
        }
    }

    /** The number of the line last returned by {@link #next()}. */
    int lineNumber() {
        return lineNumber;
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

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] trimCarriageReturn(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, line.length - 1);
        }
        return line;
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
