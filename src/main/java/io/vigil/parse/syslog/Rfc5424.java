package io.vigil.parse.syslog;

import io.vigil.event.EcsFields;
import io.vigil.parse.DecodeResult;
import io.vigil.parse.time.Timestamps;
import java.util.Map;

/** The part of an RFC 5424 message after {@code <PRI>1 }: header, structured data, message. */
final class Rfc5424 {
    private static final String NIL = "-";

    private Rfc5424() {}

    static DecodeResult decode(Cursor c, Map<String, Object> out, Timestamps timestamps) {
        out.put("log.syslog.version", "1");
        String time = c.token();
        String host = c.token();
        String app = c.token();
        String procId = c.token();
        String msgId = c.token();
        if (msgId == null) return new DecodeResult.Failed("is not RFC 5424 syslog: the header has fewer than 6 fields");
        if (!NIL.equals(time)) {
            long millis = timestamps.parse(time);
            if (millis == Timestamps.INVALID) {
                return new DecodeResult.Failed("is not RFC 5424 syslog: '" + time + "' is not an RFC 3339 timestamp");
            }
            out.put(EcsFields.TIMESTAMP, Timestamps.format(millis));
        }
        SyslogDecoder.putHostAndProcess(out, nil(host), nil(app), nil(procId));
        if (nil(msgId) != null) out.put("log.syslog.msgid", msgId);
        String sdError = structuredData(c, out);
        if (sdError != null) return new DecodeResult.Failed("is not RFC 5424 syslog: " + sdError);
        if (c.peek() == ' ') c.skip(1);
        String message = c.rest();
        if (message.startsWith("\uFEFF")) message = message.substring(1);
        if (!message.isEmpty()) out.put(EcsFields.MESSAGE, message);
        return new DecodeResult.Decoded(out);
    }

    private static String nil(String v) {
        return v == null || NIL.equals(v) ? null : v;
    }

    /** Reads "-" or one or more SD elements into log.syslog.structured_data.*; returns an error or null. */
    private static String structuredData(Cursor c, Map<String, Object> out) {
        if (c.peek() == '-') {
            c.skip(1);
            return null;
        }
        if (c.peek() != '[') return "structured data must be '-' or start with '['";
        while (c.peek() == '[') {
            c.skip(1);
            String id = name(c);
            if (id.isEmpty()) return "an SD element has no id at column " + (c.pos + 1);
            while (c.peek() == ' ') {
                c.skip(1);
                String param = name(c);
                if (param.isEmpty() || c.peek() != '=') return "SD parameter without '=' at column " + (c.pos + 1);
                c.skip(1);
                if (c.peek() != '"') return "SD parameter value must be quoted at column " + (c.pos + 1);
                c.skip(1);
                String value = quoted(c);
                if (value == null) return "an SD parameter value is not closed";
                out.put("log.syslog.structured_data." + id + "." + param, value);
            }
            if (c.peek() != ']') return "an SD element is not closed at column " + (c.pos + 1);
            c.skip(1);
        }
        return null;
    }

    private static String name(Cursor c) {
        int start = c.pos;
        while (!c.atEnd() && c.peek() != ' ' && c.peek() != '=' && c.peek() != ']' && c.peek() != '"') c.skip(1);
        return c.s.substring(start, c.pos);
    }

    /** A PARAM-VALUE after its opening quote, with \" \\ \] unescaped; consumes the closing quote. */
    private static String quoted(Cursor c) {
        StringBuilder b = new StringBuilder();
        while (!c.atEnd()) {
            char ch = c.peek();
            c.skip(1);
            if (ch == '"') return b.toString();
            if (ch == '\\' && (c.peek() == '"' || c.peek() == '\\' || c.peek() == ']')) {
                b.append(c.peek());
                c.skip(1);
            } else {
                b.append(ch);
            }
        }
        return null;
    }
}
