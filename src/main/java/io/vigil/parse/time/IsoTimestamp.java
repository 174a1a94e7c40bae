package io.vigil.parse.time;

import static io.vigil.parse.time.Timestamps.INVALID;
import static io.vigil.parse.time.Timestamps.digit;
import static io.vigil.parse.time.Timestamps.twoDigits;

import java.time.LocalDate;

/** Hand-written reader for {@code yyyy-MM-dd[T ]HH:mm[:ss[.f…]][zone]}; see {@link Timestamps}. */
final class IsoTimestamp {
    private IsoTimestamp() {}

    /** Epoch millis of {@code s[from, to)} or {@link Timestamps#INVALID}. */
    static long parse(String s, int from, int to) {
        if (to - from < 16) return INVALID;
        int year = fourDigits(s, from);
        if (year < 0 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') return INVALID;
        int month = twoDigits(s, from + 5);
        int day = twoDigits(s, from + 8);
        char sep = s.charAt(from + 10);
        if (sep != 'T' && sep != ' ' && sep != 't') return INVALID;
        int hour = twoDigits(s, from + 11);
        int minute = twoDigits(s, from + 14);
        if (s.charAt(from + 13) != ':') return INVALID;
        int i = from + 16;
        int second = 0;
        int nanos = 0;
        if (i < to && s.charAt(i) == ':') {
            if (i + 3 > to) return INVALID;
            second = twoDigits(s, i + 1);
            i += 3;
            if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < to && digit(s.charAt(i)) >= 0) {
                    if (i - start < 9) nanos = nanos * 10 + digit(s.charAt(i));
                    i++;
                }
                int count = i - start;
                if (count == 0) return INVALID;
                for (int k = Math.min(count, 9); k < 9; k++) nanos *= 10;
            }
        }
        if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return INVALID;
        int offsetSeconds = zoneOffset(s, i, to);
        if (offsetSeconds == Integer.MIN_VALUE) return INVALID;
        long local = epochMillis(year, month, day, hour, minute, second, nanos / 1_000_000);
        return local == INVALID ? INVALID : local - offsetSeconds * 1000L;
    }

    static long epochMillis(int year, int month, int day, int hour, int minute, int second, int millis) {
        if (day < 1 || day > 31 || month < 1 || month > 12) return INVALID;
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) return INVALID;
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + Math.min(second, 59) * 1000L + millis;
    }

    /** Seconds east of UTC, 0 for no zone, or Integer.MIN_VALUE when malformed. */
    private static int zoneOffset(String s, int i, int to) {
        if (i < to && s.charAt(i) == ' ') i++;
        if (i == to) return 0;
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == to) return 0;
        if (c == 'U' && s.regionMatches(i, "UTC", 0, 3) && i + 3 == to) return 0;
        if (c != '+' && c != '-') return Integer.MIN_VALUE;
        int rest = to - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = twoDigits(s, i + 1);
        } else if (rest == 4) {
            hours = twoDigits(s, i + 1);
            minutes = twoDigits(s, i + 3);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = twoDigits(s, i + 1);
            minutes = twoDigits(s, i + 4);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours > 18 || minutes > 59) return Integer.MIN_VALUE;
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    private static int fourDigits(String s, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = digit(s.charAt(at + k));
            if (d < 0) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}
