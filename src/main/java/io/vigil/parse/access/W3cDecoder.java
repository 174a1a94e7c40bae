package io.vigil.parse.access;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.LineOrigin;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IIS access logs in the W3C extended format. The {@code #Fields:} directive names the columns of the lines
 * that follow, so this decoder remembers the latest header per {@link LineOrigin}; before any header it
 * assumes IIS's default column set ({@link #DEFAULT_FIELDS}) and claims only lines with exactly that many
 * columns. Directive lines ({@code #Software:}, {@code #Version:}, {@code #Date:}, {@code #Fields:},
 * {@code #Remark:}) become events of their own, so that every line still gives one event.
 *
 * <p>Thread-safe: headers live in a concurrent map, bounded to {@link #MAX_ORIGINS} origins (cleared when
 * full: a source then falls back to the default columns until its next header).
 */
public final class W3cDecoder implements Decoder {
    public static final String NAME = "iis";
    public static final List<String> DEFAULT_FIELDS = List.of("date", "time", "s-ip", "cs-method", "cs-uri-stem",
            "cs-uri-query", "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status",
            "sc-substatus", "sc-win32-status", "time-taken");
    static final int MAX_ORIGINS = 10_000;
    private static final Timestamps TIMESTAMPS = new Timestamps(Clock.systemUTC());
    private static final List<String> DIRECTIVES = List.of("#Software:", "#Version:", "#Date:", "#Fields:", "#Remark:");

    private final Map<LineOrigin, List<String>> headers = new ConcurrentHashMap<>();

    /** Fields depend on the last {@code #Fields:} directive of the source: a line alone cannot be re-decoded. */
    @Override
    public boolean reproducible() {
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        return decode(LineOrigin.UNKNOWN, line);
    }

    @Override
    public DecodeResult decode(LineOrigin origin, byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8).strip();
        if (text.startsWith("#")) return directive(origin, text);
        List<String> fields = headers.getOrDefault(origin, DEFAULT_FIELDS);
        String[] values = text.split(" ", -1);
        if (values.length != fields.size() || !looksLikeDate(values[0])) return DecodeResult.notMine();
        Map<String, Object> out = new LinkedHashMap<>();
        String date = null;
        String time = null;
        for (int i = 0; i < values.length; i++) {
            String field = fields.get(i);
            if ("date".equals(field)) date = values[i];
            else if ("time".equals(field)) time = values[i];
            else if (!"-".equals(values[i])) W3cFields.put(out, field, values[i]);
        }
        if (date != null && time != null) {
            long millis = TIMESTAMPS.parse(date + "T" + time + "Z");
            if (millis == Timestamps.INVALID) return failed("'" + date + " " + time + "' is not a date and time");
            out.put("@timestamp", Timestamps.format(millis));
        }
        W3cFields.finish(out);
        HttpFields.putCategorization(out, "iis.access");
        return new DecodeResult.Decoded(out);
    }

    private DecodeResult directive(LineOrigin origin, String text) {
        String directive = null;
        for (String d : DIRECTIVES) if (text.startsWith(d)) directive = d;
        if (directive == null) return DecodeResult.notMine();
        String value = text.substring(directive.length()).strip();
        if ("#Fields:".equals(directive)) {
            if (value.isEmpty()) return failed("#Fields: names no columns");
            if (headers.size() >= MAX_ORIGINS) headers.clear();
            headers.put(origin, List.of(value.split("\\s+")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", text);
        out.put("event.kind", "event");
        out.put("event.action", "w3c-directive");
        out.put("iis.access.directive", directive.substring(1, directive.length() - 1));
        out.put("event.dataset", "iis.access");
        out.put("event.module", "iis");
        if ("#Date:".equals(directive)) {
            long millis = TIMESTAMPS.parse(value.replace(' ', 'T') + "Z");
            if (millis != Timestamps.INVALID) out.put("@timestamp", Timestamps.format(millis));
        }
        return new DecodeResult.Decoded(out);
    }

    /** The columns currently remembered for an origin (the default set when none). */
    public List<String> columnsFor(LineOrigin origin) {
        return headers.getOrDefault(origin, DEFAULT_FIELDS);
    }

    private static boolean looksLikeDate(String s) {
        return s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && HttpFields.isDigits(s.substring(0, 4));
    }

    private static DecodeResult failed(String why) {
        return new DecodeResult.Failed("is not a valid IIS W3C line: " + why);
    }
}
