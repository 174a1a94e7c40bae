package io.vigil.detect.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;

/** {@code minute|hour|day|week|month|year}: one part of the value read as a timestamp (UTC) equals a number. */
public record TimePartTest(Modifier part, int expected) implements ValueTest {

    public TimePartTest {
        if (!part.isTimePart()) throw new IllegalArgumentException(part + " is not a time modifier");
    }

    @Override
    public boolean test(String raw, String lower) {
        ZonedDateTime t = parse(raw.trim());
        return t != null && t.get(field()) == expected;
    }

    private TemporalField field() {
        return switch (part) {
            case MINUTE -> ChronoField.MINUTE_OF_HOUR;
            case HOUR -> ChronoField.HOUR_OF_DAY;
            case DAY -> ChronoField.DAY_OF_MONTH;
            case WEEK -> IsoFields.WEEK_OF_WEEK_BASED_YEAR;
            case MONTH -> ChronoField.MONTH_OF_YEAR;
            default -> ChronoField.YEAR;
        };
    }

    private static ZonedDateTime parse(String s) {
        try {
            return Instant.parse(s).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).atZone(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
