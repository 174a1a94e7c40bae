package io.vigil.parse.json;

import static io.vigil.event.JsonBytes.isDigit;
import static io.vigil.event.JsonBytes.isWordByte;

import io.vigil.event.JsonBytes;
import java.nio.charset.StandardCharsets;

/**
 * The token level of {@link FastFlattener}: a cursor over UTF-8 bytes that reads whitespace, punctuation,
 * literals, numbers and strings under strict RFC 8259 rules, and throws {@link #UNSETTLED} for anything it will
 * not vouch for (the caller then hands the document to Jackson). One instance per document; not thread-safe.
 */
final class JsonByteLexer {
    /** Longer tokens are left to Jackson, whose StreamReadConstraints limits are far higher. */
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 1_000;
    private static final int MAX_STRING_LENGTH = 1_000_000;

    /** Thrown to give up on the fast reading; stackless and shared, since it is control flow, not an error. */
    static final class Unsettled extends RuntimeException {
        Unsettled() {
            super(null, null, false, false);
        }
    }

    static final Unsettled UNSETTLED = new Unsettled();
    /** Per thread, so that documents do not each allocate one; longer strings get a buffer of their own. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);
    private static final int MAX_KEPT_SCRATCH = 1 << 16;
    private final byte[] b;
    private final int end;
    private int i;
    /** Buffer for expanding escapes: the thread's, or a larger one for this document's long strings. */
    private byte[] scratch;

    JsonByteLexer(byte[] b, int offset, int length) {
        this.b = b;
        this.i = offset;
        this.end = offset + length;
    }

    /** Whether the whole input has been read. */
    boolean atEnd() {
        return i == end;
    }

    /** Moves past {@code word} (true, false, null), which must stand alone. */
    void literal(String word) {
        for (int k = 0; k < word.length(); k++) if (next() != word.charAt(k)) throw UNSETTLED;
        if (i < end && isWordByte(b[i])) throw UNSETTLED; // "truex" is one bad token to Jackson
    }

    /** An integer as Long (its digits when beyond 64 bits), anything with a fraction or exponent as Double. */
    Object number() {
        int start = i;
        if (peek() == '-') i++;
        if (!isDigit(peek())) throw UNSETTLED;
        if (b[i] == '0') i++;
        else while (i < end && isDigit(b[i])) i++;
        boolean integer = true;
        if (i < end && b[i] == '.') {
            integer = false;
            int digits = ++i;
            while (i < end && isDigit(b[i])) i++;
            if (i == digits) throw UNSETTLED;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integer = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) i++;
            int digits = i;
            while (i < end && isDigit(b[i])) i++;
            if (i == digits) throw UNSETTLED;
        }
        int length = i - start;
        if (length > MAX_NUMBER_LENGTH || (i < end && isWordByte(b[i]))) throw UNSETTLED;
        String text = new String(b, start, length, StandardCharsets.ISO_8859_1);
        if (!integer) return Double.parseDouble(text);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text; // beyond 64 bits: JsonFlattener keeps the digits
        }
    }

    /** A field name whose opening quote was consumed. */
    String name() {
        int start = i;
        String name = string(true);
        if (i - start > MAX_NAME_LENGTH) throw UNSETTLED;
        return name;
    }

    /** A string value whose opening quote was consumed. */
    String value() {
        int start = i;
        String value = string(false);
        if (i - start > MAX_STRING_LENGTH) throw UNSETTLED;
        return value;
    }

    /**
     * Reads up to and past the closing quote, checking UTF-8 on the way. Without escapes the String is made
     * straight from the input (names through {@link FieldNames}); at the first escape the rest is read by
     * {@link #escaped}.
     */
    private String string(boolean isName) {
        int start = i;
        boolean ascii = true;
        while (true) {
            int c = nextSpecial();
            if (c == '"') {
                int close = i - 1;
                if (isName) return FieldNames.of(b, start, close);
                return new String(b, start, close - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            }
            if (c == '\\') return escaped(start, i - 1, ascii);
            if (c < 0x20) throw UNSETTLED;
            ascii = false;
            skipUtf8();
        }
    }

    /** Moves past the next quote, backslash, control or non-ASCII byte (8 bytes at a time) and returns it. */
    private int nextSpecial() {
        i = JsonBytes.skipPlainWords(b, i, end);
        while (true) { // the last bytes of the input, or the special byte found above
            int c = next() & 0xFF;
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return c;
        }
    }

    /**
     * The rest of a string from its first backslash (at {@code backslash}, already consumed): unescaped runs are
     * copied in bulk into a buffer and escapes of ASCII characters (Windows messages are full of CR, LF, tab)
     * written as their byte, then the buffer is decoded once. An escape of a non-ASCII character, lone
     * surrogates included, sends the string to {@link #decodeGeneral}.
     */
    private String escaped(int start, int backslash, boolean ascii) {
        byte[] out = scratch(end - start);
        int n = backslash - start;
        System.arraycopy(b, start, out, 0, n);
        int c = '\\';
        while (true) {
            if (c == '"') {
                return new String(out, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            } else if (c == '\\') {
                int unescaped = unescape();
                if (unescaped >= 0x80) return decodeGeneral(start);
                out[n++] = (byte) unescaped;
            } else if (c < 0x20) {
                throw UNSETTLED;
            } else {
                int lead = i - 1;
                ascii = false;
                skipUtf8();
                System.arraycopy(b, lead, out, n, i - lead);
                n += i - lead;
            }
            int run = i;
            c = nextSpecial();
            System.arraycopy(b, run, out, n, i - 1 - run);
            n += i - 1 - run;
        }
    }

    /** The character of the escape whose backslash was just consumed. */
    private int unescape() {
        byte e = next();
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int value = 0;
                for (int k = 0; k < 4; k++) {
                    int digit = Character.digit(next(), 16);
                    if (digit < 0) throw UNSETTLED;
                    value = value * 16 + digit;
                }
                yield value;
            }
            default -> throw UNSETTLED;
        };
    }

    private byte[] scratch(int length) {
        if (scratch == null) scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            if (length <= MAX_KEPT_SCRATCH) SCRATCH.set(scratch);
        }
        return scratch;
    }

    /** Past one well-formed UTF-8 sequence whose lead byte was just consumed (no overlongs, no surrogates). */
    private void skipUtf8() {
        int after = JsonBytes.utf8End(b, i - 1, end);
        if (after == JsonBytes.MALFORMED) throw UNSETTLED;
        i = after;
    }

    /**
     * The string starting at {@code start} read again, for escapes of non-ASCII characters: each escape is
     * appended as the char it names (as Jackson does, so a lone surrogate stays one char).
     */
    private String decodeGeneral(int start) {
        i = start;
        StringBuilder out = new StringBuilder();
        int run = start;
        while (true) {
            int c = nextSpecial();
            if (c == '"' || c == '\\') {
                if (i - 1 > run) out.append(new String(b, run, i - 1 - run, StandardCharsets.UTF_8));
                if (c == '"') return out.toString();
                out.append((char) unescape());
                run = i;
            } else if (c < 0x20) {
                throw UNSETTLED;
            } else if (c >= 0x80) {
                skipUtf8();
            }
        }
    }

    void skipSpace() {
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
    }

    void expect(char c) {
        if (next() != c) throw UNSETTLED;
    }

    byte peek() {
        if (i >= end) throw UNSETTLED;
        return b[i];
    }

    byte next() {
        if (i >= end) throw UNSETTLED;
        return b[i++];
    }
}
