package io.vigil.parse.app;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Apache httpd error logs: 2.2 {@code [Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] message} and 2.4
 * {@code [Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 1.2.3.4:80] message}
 * → {@code log.level}, {@code apache.error.module}, {@code process.pid}, {@code process.thread.id},
 * {@code source.ip}/{@code source.port}, {@code message}, dataset {@code apache.error}. The time has no zone
 * and is read as UTC. Claims lines that start with {@code [} and a weekday. Stateless and thread-safe.
 */
public final class ApacheErrorDecoder implements Decoder {
    public static final String NAME = "apache-error";
    private static final Timestamps TIMESTAMPS = new Timestamps(Clock.systemUTC());
    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        String s = new String(line, StandardCharsets.UTF_8).strip();
        if (s.length() < 26 || s.charAt(0) != '[' || s.charAt(4) != ' ' || DAYS.indexOf(s.substring(1, 4)) % 3 != 0) {
            return DecodeResult.notMine();
        }
        int close = s.indexOf(']');
        long millis = close < 0 ? Timestamps.INVALID : time(s.substring(5, close));
        if (millis == Timestamps.INVALID) return new DecodeResult.Failed("is not an Apache error log line: bad time");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@timestamp", Timestamps.format(millis));
        int pos = close + 1;
        while (pos + 1 < s.length() && s.charAt(pos) == ' ' && s.charAt(pos + 1) == '[') {
            int end = s.indexOf(']', pos);
            if (end < 0) break;
            bracket(out, s.substring(pos + 2, end));
            pos = end + 1;
        }
        String message = s.substring(Math.min(pos, s.length())).strip();
        if (!message.isEmpty()) out.put("message", message);
        out.put("event.kind", "event");
        out.put("event.module", "apache");
        out.put("event.dataset", "apache.error");
        return new DecodeResult.Decoded(out);
    }

    /** One bracketed field after the time: level (with module), pid/tid, or client. */
    private static void bracket(Map<String, Object> out, String v) {
        if (v.startsWith("pid ")) {
            String[] parts = v.substring(4).split(":tid ");
            putLong(out, "process.pid", parts[0]);
            if (parts.length > 1) putLong(out, "process.thread.id", parts[1]);
        } else if (v.startsWith("client ")) {
            String client = v.substring(7);
            int colon = client.lastIndexOf(':');
            if (colon > 0 && client.indexOf('.') > 0 && client.indexOf(':') == colon) {
                putLong(out, "source.port", client.substring(colon + 1));
                client = client.substring(0, colon);
            }
            out.put("source.ip", client);
        } else if (!out.containsKey("log.level")) {
            int colon = v.indexOf(':');
            if (colon > 0) out.put("apache.error.module", v.substring(0, colon));
            out.put("log.level", v.substring(colon + 1));
        }
    }

    /** {@code Mmm dd HH:mm:ss[.ffffff] yyyy}. */
    private static long time(String t) {
        int lastSpace = t.lastIndexOf(' ');
        if (t.length() < 20 || lastSpace < 15) return Timestamps.INVALID;
        int month = MONTHS.indexOf(t.substring(0, 3));
        if (month < 0 || month % 3 != 0) return Timestamps.INVALID;
        String day = t.substring(4, 6).replace(' ', '0');
        String iso = t.substring(lastSpace + 1) + "-" + (month / 3 < 9 ? "0" : "") + (month / 3 + 1) + "-" + day + "T"
                + t.substring(7, lastSpace) + "Z";
        return TIMESTAMPS.parse(iso);
    }

    static void putLong(Map<String, Object> out, String field, String v) {
        if (!v.isEmpty() && v.length() < 19 && v.chars().allMatch(c -> c >= '0' && c <= '9')) out.put(field, Long.parseLong(v));
    }
}
