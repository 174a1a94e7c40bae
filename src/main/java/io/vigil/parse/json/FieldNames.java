package io.vigil.parse.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Field names shared across documents: a name read from the same bytes as a recent one is the same String
 * (hash already computed), instead of a new String per field per event. A fixed table where a slot holds the
 * last name that hashed to it, so unbounded name sets cannot grow it.
 *
 * <p>Thread-safe without locks: entries are immutable (final fields, so a reader that sees an entry sees it
 * whole), and a lost race only means a miss.
 */
final class FieldNames {
    private static final int SLOTS = 4096;
    private static final int MAX_CACHED_LENGTH = 64;

    private record Entry(byte[] bytes, String name) {}

    private static final Entry[] TABLE = new Entry[SLOTS];

    private FieldNames() {}

    /** A plain loop: names are short, and the vectorized Arrays.equals costs more to set up than it saves. */
    private static boolean sameBytes(byte[] cached, byte[] bytes, int from, int length) {
        if (cached.length != length) return false;
        for (int k = 0; k < length; k++) if (cached[k] != bytes[from + k]) return false;
        return true;
    }

    /** The name held in {@code bytes[from, to)}: UTF-8 without escapes. */
    static String of(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > MAX_CACHED_LENGTH) return new String(bytes, from, length, StandardCharsets.UTF_8);
        int hash = length;
        for (int k = from; k < to; k++) hash = 31 * hash + bytes[k];
        int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
        Entry entry = TABLE[slot];
        if (entry != null && sameBytes(entry.bytes(), bytes, from, length)) return entry.name();
        String name = new String(bytes, from, length, StandardCharsets.UTF_8);
        TABLE[slot] = new Entry(Arrays.copyOfRange(bytes, from, to), name);
        return name;
    }
}
