package io.vigil.parse.syslog;

/** A read position in one syslog line; every method is bounds-safe and returns -1/null on mismatch. */
final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    boolean startsWith(String prefix) {
        return s.startsWith(prefix, pos);
    }

    void skip(int n) {
        pos = Math.min(s.length(), pos + n);
    }

    void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') pos++;
    }

    /** {@code <N>} with N in 0..191, consumed; -1 (nothing consumed) when absent or out of range. */
    int priority() {
        int close = s.indexOf('>', pos);
        if (close < pos + 2 || close > pos + 4) return -1;
        int value = 0;
        for (int i = pos + 1; i < close; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        if (value > 191) return -1;
        pos = close + 1;
        return value;
    }

    /** The text up to the next space (consumed with the space), or null at the end of the line. */
    String token() {
        if (atEnd()) return null;
        int space = s.indexOf(' ', pos);
        String t = space < 0 ? s.substring(pos) : s.substring(pos, space);
        pos = space < 0 ? s.length() : space + 1;
        return t;
    }

    String rest() {
        String r = atEnd() ? "" : s.substring(pos);
        pos = s.length();
        return r;
    }
}
