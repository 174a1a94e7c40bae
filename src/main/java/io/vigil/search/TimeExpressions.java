package io.vigil.search;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;

/**
 * Reads the time bounds of a search into epoch milliseconds (UTC):
 * <ul>
 *   <li>ISO-8601: {@code 2026-11-29}, {@code 2026-11-29T10:00}, {@code 2026-11-29T10:00:00.123+02:00};
 *       without a zone the time is UTC; a space may replace the {@code T};</li>
 *   <li>epoch milliseconds: an integer, possibly negative. Any all-digit text is read this way, so a bare
 *       year like {@code 2026} means 2026 ms after the epoch;</li>
 *   <li>Elastic date math: {@code now} or {@code <ISO date>||} followed by any of {@code +N unit},
 *       {@code -N unit} ({@code N} defaults to 1) and {@code /unit} (round), with units
 *       {@code s m h H d w M y}: {@code now-15m}, {@code now/d}, {@code now-1d/d}, {@code 2026-11-29||+1M}.</li>
 * </ul>
 * Calendar arithmetic and rounding happen in UTC; weeks start on Monday.
 *
 * <p>{@link #parse} rounds down (start of the unit) for lower bounds; {@link #parseUpper} rounds up to the start
 * of the next unit, because the upper bound of a search is exclusive: {@code from=now/d, to=now/d} is "today",
 * as in Kibana. Range bounds inside a query use {@link Rounding#UP_TO_LAST} where Elasticsearch rounds up
 * (see {@link DateMathResolver}). Stateless and thread-safe.
 */
public final class TimeExpressions {
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");
    private static final String FORMS = "use ISO-8601 (2026-11-29T10:00:00Z), epoch milliseconds, "
            + "or date math such as now-15m or now-1d/d";

    private TimeExpressions() {}

    /** Where {@code /unit} rounding lands. */
    public enum Rounding {
        /** Start of the unit: inclusive lower bounds and exclusive upper bounds. */
        DOWN,
        /** Start of the next unit: the exclusive upper bound of a search ({@code to}). */
        UP_TO_NEXT,
        /** Last millisecond of the unit: inclusive upper ({@code ]}) and exclusive lower ({@code {}) range bounds, as Elasticsearch does. */
        UP_TO_LAST
    }

    /** A lower bound: rounding goes down. */
    public static long parse(String text, Clock clock) throws SearchException {
        return parse(text, clock, Rounding.DOWN);
    }

    /** An exclusive upper bound: rounding goes up to the start of the next unit. */
    public static long parseUpper(String text, Clock clock) throws SearchException {
        return parse(text, clock, Rounding.UP_TO_NEXT);
    }

    /** True for text that can only be date math ({@code now...} or {@code <date>||...}), never a number or IP. */
    public static boolean isDateMath(String text) {
        return text != null && (text.strip().startsWith("now") || text.contains("||"));
    }

    public static long parse(String text, Clock clock, Rounding rounding) throws SearchException {
        if (text == null || text.isBlank()) throw new SearchException("empty time expression; " + FORMS, 0);
        String expr = text.strip();
        try {
            if (expr.startsWith("now")) return applyMath(expr, 3, clock.millis(), rounding);
            int anchorEnd = expr.indexOf("||");
            if (anchorEnd >= 0) return applyMath(expr, anchorEnd + 2, absolute(expr.substring(0, anchorEnd), expr), rounding);
            return absolute(expr, expr);
        } catch (DateTimeException | ArithmeticException e) {
            throw new SearchException("time expression '" + expr + "' is out of range: " + e.getMessage(), 0);
        }
    }

    private static long absolute(String text, String whole) throws SearchException {
        if (EPOCH_MILLIS.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new SearchException("epoch milliseconds '" + text + "' do not fit in 64 bits", 0);
            }
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZonedDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            return instant.toEpochMilli();
        } catch (DateTimeException e) {
            throw new SearchException("cannot read '" + whole + "' as a time; " + FORMS, 0);
        }
    }

    /** Applies {@code +N unit}, {@code -N unit} and {@code /unit} operations from {@code at}. */
    private static long applyMath(String expr, int at, long anchor, Rounding rounding) throws SearchException {
        ZonedDateTime time = Instant.ofEpochMilli(anchor).atZone(ZoneOffset.UTC);
        int i = at;
        while (i < expr.length()) {
            char op = expr.charAt(i++);
            if (op != '+' && op != '-' && op != '/') {
                throw new SearchException("expected '+', '-' or '/' at " + (i - 1) + " in '" + expr + "', found '"
                        + op + "'; " + FORMS, i - 1);
            }
            int digitsStart = i;
            while (i < expr.length() && Character.isDigit(expr.charAt(i))) i++;
            if (op == '/' && i > digitsStart) {
                throw new SearchException("rounding takes a unit without a number, e.g. now/d; found '"
                        + expr.substring(digitsStart, i) + "' at " + digitsStart + " in '" + expr + "'", digitsStart);
            }
            long amount = i == digitsStart ? 1 : parseAmount(expr, digitsStart, i);
            if (i >= expr.length()) {
                throw new SearchException("expected a time unit (s, m, h, d, w, M, y) at " + i + " in '" + expr
                        + "'", i);
            }
            ChronoUnit unit = unit(expr, i++);
            time = op == '/' ? round(time, unit, rounding) : time.plus(op == '+' ? amount : -amount, unit);
        }
        return time.toInstant().toEpochMilli();
    }

    private static long parseAmount(String expr, int from, int to) throws SearchException {
        try {
            return Long.parseLong(expr.substring(from, to));
        } catch (NumberFormatException e) {
            throw new SearchException("the number at " + from + " in '" + expr + "' is too large", from);
        }
    }

    private static ChronoUnit unit(String expr, int at) throws SearchException {
        return switch (expr.charAt(at)) {
            case 's' -> ChronoUnit.SECONDS;
            case 'm' -> ChronoUnit.MINUTES;
            case 'h', 'H' -> ChronoUnit.HOURS;
            case 'd' -> ChronoUnit.DAYS;
            case 'w' -> ChronoUnit.WEEKS;
            case 'M' -> ChronoUnit.MONTHS;
            case 'y' -> ChronoUnit.YEARS;
            default -> throw new SearchException("unknown time unit '" + expr.charAt(at) + "' at " + at + " in '" + expr
                    + "'; use s, m, h, d, w, M or y", at);
        };
    }

    private static ZonedDateTime round(ZonedDateTime time, ChronoUnit unit, Rounding rounding) {
        ZonedDateTime start = switch (unit) {
            case WEEKS -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHS -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEARS -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> time.truncatedTo(unit);
        };
        return switch (rounding) {
            case DOWN -> start;
            case UP_TO_NEXT -> start.plus(1, unit);
            case UP_TO_LAST -> start.plus(1, unit).minus(1, ChronoUnit.MILLIS);
        };
    }
}
