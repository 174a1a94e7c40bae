package io.vigil.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level pieces of strict JSON scanning shared by the {@code _bulk} validity check (ingest) and the fast
 * JSON reader (parse), which must agree on what they vouch for: finding a string's next special byte eight
 * bytes at a time, checking one UTF-8 sequence, and the bytes that make a token run on. Stateless, thread-safe.
 */
public final class JsonBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Returned by {@link #utf8End} for a malformed or cut-off sequence. */
    public static final int MALFORMED = -1;

    private JsonBytes() {}

    /**
     * Position of the first quote, backslash, control or non-ASCII byte at or after {@code i} found by whole
     * 8-byte words, or the start of the last partial word before {@code end} (the caller reads those bytes
     * one by one).
     */
    public static int skipPlainWords(byte[] b, int i, int end) {
        while (i + 8 <= end) {
            long special = specialBytes((long) LONGS.get(b, i));
            if (special != 0) return i + (Long.numberOfTrailingZeros(special) >>> 3);
            i += 8;
        }
        return i;
    }

    /**
     * Quote, backslash, control and non-ASCII bytes flagged in their high bits; only the lowest flag is exact
     * (a borrow can flag a byte above a real match), and only the lowest is used.
     */
    private static long specialBytes(long w) {
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        long control = w - 0x2020202020202020L; // a byte below 0x20 borrows into its high bit (or is ≥ 0x80)
        return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | control | w) & HIGHS;
    }

    /**
     * Position after the well-formed UTF-8 sequence whose lead byte is at {@code i} (no overlong forms, no
     * surrogates, nothing above U+10FFFF), or {@link #MALFORMED}, also when it does not end before {@code end}.
     */
    public static int utf8End(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) min = 0xA0;
            else if (c == 0xED) max = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) min = 0x90;
            else if (c == 0xF4) max = 0x8F;
        } else {
            return MALFORMED;
        }
        if (i + length > end) return MALFORMED;
        int second = b[i + 1] & 0xFF;
        if (second < min || second > max) return MALFORMED;
        for (int k = 2; k < length; k++) if ((b[i + k] & 0xC0) != 0x80) return MALFORMED;
        return i + length;
    }

    public static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** A byte that Jackson would read as part of the same token ("truex", "12a" are one bad token to it). */
    public static boolean isWordByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '.' || c == '-'
                || c == '+' || c < 0;
    }
}
