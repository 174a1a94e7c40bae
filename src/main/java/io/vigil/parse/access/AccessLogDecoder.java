package io.vigil.parse.access;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache/nginx access logs in the common and combined formats, also with a leading virtual host
 * ({@code %v}, {@code vhost_combined}) and trailing extra fields (response time, forwarded-for...):
 * <pre>[vhost[:port]] client ident user [dd/MMM/yyyy:HH:mm:ss +zzzz] "METHOD target HTTP/x.y" status bytes ["referrer" "agent"] [extra...]</pre>
 *
 * <p>A trailing number is read as the response time into {@code event.duration} (nanoseconds): with a dot
 * it is nginx's {@code $request_time} in seconds, without one Apache's {@code %D} in microseconds. Other
 * trailing fields are kept in {@code <module>.access.extra}.
 *
 * <p>Claims a line only when a bracketed access-log time follows the first tokens; a claimed line without
 * its quoted request or status is {@code Failed}. Stateless and thread-safe.
 */
public final class AccessLogDecoder implements Decoder {
    private static final Timestamps TIMESTAMPS = new Timestamps(Clock.systemUTC());
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final String name;
    private final String dataset;

    /** @param name the configuration name ({@code apache}, {@code nginx}); the dataset is {@code <name>.access} */
    public AccessLogDecoder(String name) {
        this.name = name;
        this.dataset = name + ".access";
    }

    public static AccessLogDecoder apache() {
        return new AccessLogDecoder("apache");
    }

    public static AccessLogDecoder nginx() {
        return new AccessLogDecoder("nginx");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        return decodeText(new String(line, StandardCharsets.UTF_8));
    }

    /** Decodes one access line given as text (also used for the {@code message} of a JSON document). */
    public DecodeResult decodeText(String raw) {
        String text = raw.strip();
        int open = text.indexOf(" [");
        if (open <= 0 || open > 300) return DecodeResult.notMine();
        int close = text.indexOf(']', open);
        long millis = close < 0 ? Timestamps.INVALID : parseTime(text, open + 2, close);
        if (millis == Timestamps.INVALID) return DecodeResult.notMine();
        String[] prefix = text.substring(0, open).split(" ");
        if (prefix.length < 3) return DecodeResult.notMine();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@timestamp", Timestamps.format(millis));
        putPrefix(out, prefix);
        AccessCursor c = new AccessCursor(text, close + 1);
        String request = c.quoted();
        if (request == null) return failed("no quoted request after the time");
        String status = c.bare();
        String bytes = c.bare();
        if (status == null || !("-".equals(status) || status.length() == 3 && HttpFields.isDigits(status))) {
            return failed("the status after the request is '" + status + "', not a 3-digit code");
        }
        HttpFields.putRequestLine(out, request);
        HttpFields.putStatus(out, status);
        if (bytes != null && HttpFields.isDigits(bytes) && bytes.length() < 19) {
            out.put("http.response.body.bytes", Long.parseLong(bytes));
        }
        putCombinedAndExtras(out, c);
        HttpFields.putCategorization(out, dataset);
        return new DecodeResult.Decoded(out);
    }

    private static void putPrefix(Map<String, Object> out, String[] prefix) {
        int client = prefix.length >= 4 ? 1 : 0;
        if (client == 1) HttpFields.putDomain(out, prefix[0]);
        HttpFields.putClient(out, prefix[client]);
        StringBuilder user = new StringBuilder(prefix[client + 2]);
        for (int i = client + 3; i < prefix.length; i++) user.append(' ').append(prefix[i]);
        if (!"-".contentEquals(user) && !user.isEmpty()) out.put("user.name", user.toString());
    }

    private void putCombinedAndExtras(Map<String, Object> out, AccessCursor c) {
        if (c.atQuote()) {
            String referrer = c.quoted();
            if (referrer != null && !referrer.isEmpty() && !"-".equals(referrer)) out.put("http.request.referrer", referrer);
            if (c.atQuote()) {
                String agent = c.quoted();
                if (agent != null && !agent.isEmpty() && !"-".equals(agent)) out.put("user_agent.original", agent);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String field; (field = c.any()) != null; ) {
            if (!out.containsKey("event.duration") && putDuration(out, field)) continue;
            if (!field.isEmpty() && !"-".equals(field)) extra.add(field);
        }
        if (!extra.isEmpty()) out.put(name + ".access.extra", extra);
    }

    private static boolean putDuration(Map<String, Object> out, String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            if (!HttpFields.isDigits(field) || field.length() > 12) return false;
            out.put("event.duration", Long.parseLong(field) * 1_000L);
            return true;
        }
        if (dot == 0 || dot == field.length() - 1 || !HttpFields.isDigits(field.substring(0, dot))
                || !HttpFields.isDigits(field.substring(dot + 1)) || field.length() > 15) {
            return false;
        }
        out.put("event.duration", Math.round(Double.parseDouble(field) * 1e9));
        return true;
    }

    /** {@code dd/MMM/yyyy:HH:mm:ss ±hhmm} between {@code from} and {@code to}, or INVALID. */
    static long parseTime(String s, int from, int to) {
        if (to - from != 26 || s.charAt(from + 2) != '/' || s.charAt(from + 6) != '/' || s.charAt(from + 11) != ':'
                || s.charAt(from + 20) != ' ') {
            return Timestamps.INVALID;
        }
        int month = MONTHS.indexOf(s.substring(from + 3, from + 6));
        if (month < 0 || month % 3 != 0) return Timestamps.INVALID;
        String iso = s.substring(from + 7, from + 11) + "-" + (month / 3 < 9 ? "0" : "") + (month / 3 + 1) + "-"
                + s.substring(from, from + 2) + "T" + s.substring(from + 12, from + 20) + s.substring(from + 21, to);
        return TIMESTAMPS.parse(iso);
    }

    private static DecodeResult failed(String why) {
        return new DecodeResult.Failed("is not a valid access log line: " + why);
    }
}
