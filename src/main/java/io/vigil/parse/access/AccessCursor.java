package io.vigil.parse.access;

/** Reads the space-separated, optionally double-quoted fields of an access line; never throws. */
final class AccessCursor {
    private final String s;
    private int pos;

    AccessCursor(String s, int pos) {
        this.s = s;
        this.pos = pos;
    }

    private void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') pos++;
    }

    boolean atQuote() {
        skipSpaces();
        return pos < s.length() && s.charAt(pos) == '"';
    }

    /** A double-quoted field with {@code \"} and {@code \\} unescaped, or null when none starts here or it is not closed. */
    String quoted() {
        if (!atQuote()) return null;
        StringBuilder b = new StringBuilder();
        for (int i = pos + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                b.append(s.charAt(++i));
            } else if (c == '"') {
                pos = i + 1;
                return b.toString();
            } else {
                b.append(c);
            }
        }
        return null;
    }

    /** The next unquoted field, or null at the end. */
    String bare() {
        skipSpaces();
        if (pos >= s.length()) return null;
        int end = s.indexOf(' ', pos);
        if (end < 0) end = s.length();
        String t = s.substring(pos, end);
        pos = end;
        return t;
    }

    /** The next field, quoted or not; an unclosed quote yields the rest of the line. */
    String any() {
        if (atQuote()) {
            int before = pos;
            String q = quoted();
            if (q != null) return q;
            String rest = s.substring(before + 1);
            pos = s.length();
            return rest;
        }
        return bare();
    }
}
