package io.vigil.store;

import java.net.InetAddress;
import org.apache.lucene.util.BytesRef;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Parsing of typed field values from the text form they arrive in (event values and query bounds).
 * Every method returns null for a value that does not fit the type instead of throwing: a mismatch is data.
 */
final class FieldValues {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");

    private FieldValues() {}

    static Long toLong(Object value) {
        if (value instanceof Long l) return l;
        if (value instanceof Integer i) return i.longValue();
        if (value instanceof Double d) return d == Math.rint(d) && !Double.isInfinite(d) ? (long) (double) d : null;
        if (value instanceof Boolean) return null;
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double toDouble(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof Boolean) return null;
        try {
            double d = Double.parseDouble(value.toString().trim());
            return Double.isNaN(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Epoch millis from a number, epoch-millis digits, an ISO-8601 instant/offset/local date-time (UTC) or a date. */
    static Long toEpochMillis(Object value) {
        if (value instanceof Number n) return n.longValue();
        String text = value.toString().trim();
        long fast = utcInstantMillis(text);
        if (fast != NOT_FAST) return fast;
        if (EPOCH_MILLIS.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final long NOT_FAST = Long.MIN_VALUE;

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (every event's {@code event.ingested}, most
     * timestamps) without {@link OffsetDateTime#parse}, which cost ~2 µs per value at indexing. Anything else, or
     * anything out of range, returns {@link #NOT_FAST} and takes the general path, which gives the same millis
     * for what this accepts (fraction truncated to millis, as {@code Instant.toEpochMilli} does).
     */
    static long utcInstantMillis(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') return NOT_FAST;
        int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
        int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
            return NOT_FAST;
        }
        int millis = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (t.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) return NOT_FAST;
            int fraction = digits(t, 20, fractionDigits);
            if (fraction < 0) return NOT_FAST;
            for (int i = fractionDigits; i < 3; i++) fraction *= 10;
            for (int i = 3; i < fractionDigits; i++) fraction /= 10;
            millis = fraction;
        } else if (t.charAt(19) != 'Z') {
            return NOT_FAST;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A literal IPv4/IPv6 address, never a host name (so never a DNS lookup), or null. */
    static InetAddress toInetAddress(String text) {
        InetAddress dotted = strictIpv4(text);
        if (dotted != null) return dotted;
        String t = text.trim();
        boolean literal = IPV4.matcher(t).matches() || (t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.%\\[\\]a-zA-Z0-9]+"));
        if (!literal) return null;
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /**
     * The address of a plain dotted quad ({@code 203.0.113.9}: four decimal octets without leading zeros), read
     * without a regex or {@link InetAddress#getByName}; null for any other text, which takes the general path.
     */
    static InetAddress strictIpv4(String t) {
        int n = t.length();
        if (n < 7 || n > 15) return null;
        byte[] octets = new byte[4];
        int part = 0, value = 0, digits = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) return null; // a leading zero: ambiguous (octal?), left to the JDK
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) return null;
            } else if (c == '.' && digits > 0 && part < 3) {
                octets[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0) return null;
        octets[3] = (byte) value;
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The UTF-8 bytes of {@code Long.toString(value)}, without the String. */
    static BytesRef decimal(long value) {
        if (value == Long.MIN_VALUE) return new BytesRef(Long.toString(value));
        boolean negative = value < 0;
        long rest = negative ? -value : value;
        int length = negative ? 2 : 1;
        for (long r = rest; r >= 10; r /= 10) length++;
        byte[] bytes = new byte[length];
        int i = length;
        do {
            bytes[--i] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (negative) bytes[0] = '-';
        return new BytesRef(bytes);
    }

    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) return b;
        String t = value.toString().trim();
        if (t.equalsIgnoreCase("true")) return true;
        if (t.equalsIgnoreCase("false")) return false;
        return null;
    }
}
