package io.vigil.parse.syslog;

import io.vigil.event.EcsFields;
import io.vigil.parse.DecodeResult;
import io.vigil.parse.time.Timestamps;
import java.util.Map;

/**
 * BSD syslog as sent in practice: {@code [<PRI>]TIMESTAMP [HOSTNAME] TAG[PID]: MESSAGE}, where TIMESTAMP is
 * {@code MMM dd HH:mm:ss}, {@code MMM dd yyyy HH:mm:ss} or RFC 3339 (rsyslog's high-precision format).
 */
final class Rfc3164 {
    private Rfc3164() {}

    static boolean startsWithTimestamp(Cursor c) {
        char ch = c.peek();
        if (ch >= 'A' && ch <= 'S') return c.s.length() - c.pos >= 15 && c.s.charAt(c.pos + 3) == ' ';
        return ch >= '1' && ch <= '2' && c.s.length() - c.pos >= 19 && c.s.charAt(c.pos + 4) == '-';
    }

    static DecodeResult decode(Cursor c, Map<String, Object> out, Timestamps timestamps) {
        long millis = timestamp(c, timestamps);
        if (millis == Timestamps.INVALID) {
            return new DecodeResult.Failed("is not RFC 3164 syslog: no valid timestamp at column " + (c.pos + 1));
        }
        out.put(EcsFields.TIMESTAMP, Timestamps.format(millis));
        c.skipSpaces();
        String host = null;
        int afterTimestamp = c.pos;
        String first = c.token();
        if (first != null && !looksLikeTag(first)) host = first;
        else c.pos = afterTimestamp;
        int colon = c.s.indexOf(": ", c.pos);
        int space = c.s.indexOf(' ', c.pos);
        String app = null;
        String pid = null;
        String context = macContext(c.s, space, colon);
        if (context != null) {
            out.put("log.syslog.tag_context", context);
            colon = space;   // the tag ends before " (context)"; the message starts after the colon that follows
        } else if (space >= 0 && space < colon && isSpacedTagWithPid(c.s, c.pos, colon)) {
            space = colon;   // macOS application names may hold spaces ("Microsoft Word[14463]: ...")
        }
        if (colon > c.pos && (space < 0 || colon <= space)) {
            String tag = c.s.substring(c.pos, colon);
            int bracket = tag.indexOf('[');
            if (bracket > 0 && tag.endsWith("]")) {
                pid = tag.substring(bracket + 1, tag.length() - 1);
                tag = tag.substring(0, bracket);
            }
            app = tag;
            c.pos = context != null ? c.s.indexOf(": ", colon) + 2 : colon + 2;
        }
        SyslogDecoder.putHostAndProcess(out, host, app, pid);
        String message = c.rest();
        if (!message.isEmpty()) out.put(EcsFields.MESSAGE, message);
        return new DecodeResult.Decoded(out);
    }

    /**
     * macOS writes {@code name[pid] (context): message}; returns the context when the text between the tag's
     * space and the colon is one parenthesized group and the tag ends in {@code ]}, else null.
     */
    private static String macContext(String s, int space, int colon) {
        if (space <= 0 || colon < space + 3 || s.charAt(space - 1) != ']' || s.charAt(space + 1) != '('
                || s.charAt(colon - 1) != ')') {
            return null;
        }
        String inner = s.substring(space + 2, colon - 1);
        return inner.indexOf(')') < 0 && inner.indexOf(' ') < 0 ? inner : null;
    }

    /** {@code name with spaces[digits]} up to the colon, short and without another colon. */
    private static boolean isSpacedTagWithPid(String s, int from, int colon) {
        if (colon - from > 64 || s.charAt(colon - 1) != ']') return false;
        int open = s.lastIndexOf('[', colon);
        if (open <= from || open + 2 > colon - 1) return false;
        for (int i = open + 1; i < colon - 1; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return s.indexOf(':', from) == colon && s.indexOf(']', from) == colon - 1;
    }

    private static boolean looksLikeTag(String token) {
        return token.endsWith(":") || token.indexOf('[') > 0;
    }

    private static long timestamp(Cursor c, Timestamps timestamps) {
        char ch = c.peek();
        if (ch >= '0' && ch <= '9') {
            String token = c.token();
            return token == null ? Timestamps.INVALID : timestamps.parse(token);
        }
        if (c.s.length() - c.pos >= 20 && isYearForm(c.s, c.pos)) {
            String rewritten = c.s.substring(c.pos + 7, c.pos + 11) + "-" + c.s.substring(c.pos, c.pos + 6) + " "
                    + c.s.substring(c.pos + 12, c.pos + 20);
            long millis = withYear(rewritten, timestamps);
            c.skip(20);
            return millis;
        }
        long millis = timestamps.parseRfc3164(c.s, c.pos);
        if (millis != Timestamps.INVALID) c.skip(15);
        return millis;
    }

    /** {@code MMM dd yyyy HH:mm:ss}: a 4-digit year between the day and the time. */
    private static boolean isYearForm(String s, int at) {
        for (int i = at + 7; i < at + 11; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return s.charAt(at + 11) == ' ' && s.charAt(at + 14) == ':';
    }

    /** Reads "yyyy-MMM dd HH:mm:ss" by turning the month name into its number. */
    private static long withYear(String s, Timestamps timestamps) {
        int month = "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(s.substring(5, 8));
        if (month < 0 || month % 3 != 0) return Timestamps.INVALID;
        String day = s.substring(9, 11).replace(' ', '0');
        String iso = s.substring(0, 4) + "-" + String.format("%02d", month / 3 + 1) + "-" + day + "T" + s.substring(12);
        return timestamps.parse(iso);
    }
}
