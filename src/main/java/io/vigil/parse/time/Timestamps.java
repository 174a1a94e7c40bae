package io.vigil.parse.time;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.time.ZoneOffset;

/**
 * Reads the timestamp formats log sources actually send, without regular expressions or exceptions on the
 * hot path, and writes {@code @timestamp} as ISO-8601 UTC with milliseconds.
 *
 * <p>Accepted: ISO-8601 with {@code T} or a space, fractions up to nanoseconds (truncated to millis),
 * {@code Z}, {@code ±hh:mm}, {@code ±hhmm}, {@code ±hh} or no zone (= UTC); epoch milliseconds or seconds as
 * numbers or digit strings (values below 10^11 are seconds, which covers dates up to the year 5138);
 * RFC 3164 {@code MMM dd HH:mm:ss} in the current year of the clock (or of the receipt time, see {@link #asOf}) (the previous year when that would put it
 * more than a day in the future, so December lines read in January land in December).
 *
 * <p>Thread-safe and immutable.
 */
public final class Timestamps {
    /** Returned by the parse methods when the value is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long SECONDS_CUTOFF = 100_000_000_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final Clock clock;
    /** The receipt time of the batch this thread is parsing, if any (see {@link #asOf}). */
    private static final ThreadLocal<long[]> RECEIVED_AT = new ThreadLocal<>();

    public Timestamps(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code work} with "now" for year inference taken as {@code receivedAt} instead of the clock, on this
     * thread. Parsing a line is then a function of the line and its receipt time only, so parsing it again later
     * (events are re-read from their raw bytes) gives the same result as at ingest.
     */
    public static <T> T asOf(long receivedAt, java.util.function.Supplier<T> work) {
        long[] previous = RECEIVED_AT.get();
        RECEIVED_AT.set(new long[] {receivedAt});
        try {
            return work.get();
        } finally {
            if (previous == null) RECEIVED_AT.remove(); else RECEIVED_AT.set(previous);
        }
    }

    private long now() {
        long[] received = RECEIVED_AT.get();
        return received != null ? received[0] : clock.millis();
    }

    /** Epoch millis of a JSON value (String, Long or Double), or {@link #INVALID}. */
    public long parse(Object value) {
        return switch (value) {
            case Long l -> fromEpochNumber(l);
            case Integer i -> fromEpochNumber(i);
            case Double d -> Double.isFinite(d) ? fromEpochDouble(d) : INVALID;
            case String s -> parse(s);
            case null, default -> INVALID;
        };
    }

    /** Epoch millis of a text timestamp, or {@link #INVALID}. */
    public long parse(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 40) return INVALID;
        char c0 = s.charAt(0);
        if (c0 >= 'A' && c0 <= 'Z') return parseRfc3164(s, 0);
        if (isAllDigits(s)) return s.length() > 18 ? INVALID : fromEpochNumber(Long.parseLong(s));
        long iso = IsoTimestamp.parse(s, 0, s.length());
        if (iso != INVALID) return iso;
        return isDecimal(s) ? fromEpochDouble(Double.parseDouble(s)) : INVALID;
    }

    /**
     * Epoch millis of an RFC 3164 timestamp ({@code MMM dd HH:mm:ss}, day space-padded or not) starting at
     * {@code from}, or {@link #INVALID}. Exactly 15 characters are read.
     */
    public long parseRfc3164(String s, int from) {
        if (s.length() < from + 15) return INVALID;
        int month = MONTHS.indexOf(s.substring(from, from + 3));
        if (month < 0 || month % 3 != 0 || s.charAt(from + 3) != ' ') return INVALID;
        char d1 = s.charAt(from + 4);
        int day = (d1 == ' ' ? 0 : digit(d1)) * 10 + digit(s.charAt(from + 5));
        if (d1 != ' ' && digit(d1) < 0 || day <= 0 || s.charAt(from + 6) != ' ') return INVALID;
        int hour = twoDigits(s, from + 7);
        int minute = twoDigits(s, from + 10);
        int second = twoDigits(s, from + 13);
        if (s.charAt(from + 9) != ':' || s.charAt(from + 12) != ':' || hour > 23 || minute > 59 || second > 60) {
            return INVALID;
        }
        long now = now();
        int year = LocalDateTime.ofEpochSecond(now / 1000, 0, ZoneOffset.UTC).getYear();
        long millis = IsoTimestamp.epochMillis(year, month / 3 + 1, day, hour, minute, second, 0);
        if (millis != INVALID && millis > now + DAY_MILLIS) {
            millis = IsoTimestamp.epochMillis(year - 1, month / 3 + 1, day, hour, minute, second, 0);
        }
        return millis;
    }

    /** The date part of the day last formatted: events come in bursts from the same day, so it is rarely recomputed. */
    private record FormattedDay(long epochDay, byte[] date) {}

    /** Written racily by any thread: a stale value only costs a recomputation (the record is immutable). */
    private static FormattedDay lastDay = new FormattedDay(Long.MIN_VALUE, new byte[0]);

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always with milliseconds, always UTC. */
    public static String format(long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        FormattedDay day = lastDay;
        if (day.epochDay() != epochDay) {
            day = new FormattedDay(epochDay, formatDate(epochDay).getBytes(StandardCharsets.ISO_8859_1));
            lastDay = day;
        }
        byte[] date = day.date();
        int msOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        byte[] out = Arrays.copyOf(date, date.length + 14);
        int at = date.length;
        out[at++] = 'T';
        at = twoDigits(out, at, msOfDay / 3_600_000);
        out[at++] = ':';
        at = twoDigits(out, at, msOfDay / 60_000 % 60);
        out[at++] = ':';
        at = twoDigits(out, at, msOfDay / 1000 % 60);
        out[at++] = '.';
        int millis = msOfDay % 1000;
        out[at++] = (byte) ('0' + millis / 100);
        at = twoDigits(out, at, millis % 100);
        out[at] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static int twoDigits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }

    /** {@code yyyy-MM-dd}, with a sign and no padding for years outside 0..9999. */
    private static String formatDate(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        StringBuilder b = new StringBuilder(12);
        int year = d.getYear();
        if (year < 0 || year > 9999) b.append(year < 0 ? '-' : '+').append(Math.abs(year));
        else pad(b, year, 4);
        b.append('-');
        pad(b, d.getMonthValue(), 2);
        b.append('-');
        pad(b, d.getDayOfMonth(), 2);
        return b.toString();
    }

    private static void pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) b.append('0');
        b.append(digits);
    }

    private static long fromEpochNumber(long n) {
        return Math.abs(n) < SECONDS_CUTOFF ? n * 1000 : n;
    }

    private static long fromEpochDouble(double d) {
        return Math.abs(d) < SECONDS_CUTOFF ? Math.round(d * 1000) : Math.round(d);
    }

    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (digit(s.charAt(i)) < 0) return false;
        }
        return true;
    }

    private static boolean isDecimal(String s) {
        int dot = s.indexOf('.');
        return dot > 0 && dot < s.length() - 1 && s.indexOf('.', dot + 1) < 0
                && isAllDigits(s.substring(0, dot)) && isAllDigits(s.substring(dot + 1));
    }

    static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    static int twoDigits(String s, int at) {
        int a = digit(s.charAt(at));
        int b = digit(s.charAt(at + 1));
        return a < 0 || b < 0 ? 99 : a * 10 + b;
    }
}
