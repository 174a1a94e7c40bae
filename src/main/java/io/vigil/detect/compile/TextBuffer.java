package io.vigil.detect.compile;

/**
 * The characters of one field value after another, copied into one reused array so that the literal scan
 * loops over a plain {@code char[]} ({@link String#getChars} copies a Latin-1 string with a vectorized
 * widening). Grows to the longest value of the event. Not thread-safe; one per event scan.
 */
final class TextBuffer {

    private char[] chars;

    /** A buffer for texts of up to {@code expected} characters (longer ones grow it). */
    TextBuffer(int expected) {
        chars = new char[Math.max(64, expected)];
    }

    /** The buffer holding {@code text} in its first {@code text.length()} characters (valid until the next load). */
    char[] load(String text) {
        int n = text.length();
        if (n > chars.length) chars = new char[Math.max(n, chars.length * 2)];
        text.getChars(0, n, chars, 0);
        return chars;
    }
}
