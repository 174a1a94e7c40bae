package io.vigil.ingest.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a byte stream into top-level JSON objects without parsing them: it tracks brace depth, strings and
 * escapes, so NDJSON and concatenated pretty-printed objects both work and each event keeps its exact bytes.
 * Bytes outside an object (garbage) are returned as one chunk up to the end of their line.
 */
final class ObjectScanner {
    private final InputStream in;
    private final int maxBytes;

    ObjectScanner(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next object or garbage line, or null at the end. */
    byte[] next() throws IOException {
        int b = skipWhitespace();
        if (b == -1) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        return b == '{' ? object(out, b) : garbageLine(out, b);
    }

    private byte[] object(ByteArrayOutputStream out, int first) throws IOException {
        int depth = 0;
        boolean inString = false, escaped = false;
        for (int b = first; b != -1; b = read()) {
            out.write(b);
            if (inString) {
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return out.toByteArray();
            }
            if (out.size() >= maxBytes) return out.toByteArray();
        }
        return out.toByteArray(); // unterminated object at the end of the file: kept as it is
    }

    private byte[] garbageLine(ByteArrayOutputStream out, int first) throws IOException {
        for (int b = first; b != -1 && b != '\n' && out.size() < maxBytes; b = read()) out.write(b);
        byte[] bytes = out.toByteArray();
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) end--;
        return java.util.Arrays.copyOf(bytes, end);
    }

    private int skipWhitespace() throws IOException {
        int b;
        do {
            b = read();
        } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ',' || b == 0xEF || b == 0xBB || b == 0xBF);
        return b;
    }

    private int read() throws IOException {
        return in.read();
    }
}
