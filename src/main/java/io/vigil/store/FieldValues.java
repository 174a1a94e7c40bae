package io.vigil.store;

import java.net.InetAddress;
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

    /** A literal IPv4/IPv6 address, never a host name (so never a DNS lookup), or null. */
    static InetAddress toInetAddress(String text) {
        String t = text.trim();
        boolean literal = IPV4.matcher(t).matches() || (t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.%\\[\\]a-zA-Z0-9]+"));
        if (!literal) return null;
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) return b;
        String t = value.toString().trim();
        if (t.equalsIgnoreCase("true")) return true;
        if (t.equalsIgnoreCase("false")) return false;
        return null;
    }
}
