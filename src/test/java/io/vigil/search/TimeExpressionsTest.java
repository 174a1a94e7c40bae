package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeExpressionsTest {
    /** A Sunday, mid-morning, with milliseconds. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:37:12.345Z"), ZoneOffset.UTC);

    static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static Stream<Arguments> lowerBounds() {
        return Stream.of(
                Arguments.of("now", "2026-11-29T10:37:12.345Z"),
                Arguments.of("  now  ", "2026-11-29T10:37:12.345Z"),
                Arguments.of("now-15m", "2026-11-29T10:22:12.345Z"),
                Arguments.of("now+1h", "2026-11-29T11:37:12.345Z"),
                Arguments.of("now-7d", "2026-11-22T10:37:12.345Z"),
                Arguments.of("now-30s", "2026-11-29T10:36:42.345Z"),
                Arguments.of("now-2w", "2026-11-15T10:37:12.345Z"),
                Arguments.of("now-1M", "2026-10-29T10:37:12.345Z"),
                Arguments.of("now-1y", "2025-11-29T10:37:12.345Z"),
                Arguments.of("now-2H", "2026-11-29T08:37:12.345Z"),
                Arguments.of("now-d", "2026-11-28T10:37:12.345Z"),
                Arguments.of("now/d", "2026-11-29T00:00:00Z"),
                Arguments.of("now-1d/d", "2026-11-28T00:00:00Z"),
                Arguments.of("now/h", "2026-11-29T10:00:00Z"),
                Arguments.of("now/m", "2026-11-29T10:37:00Z"),
                Arguments.of("now/s", "2026-11-29T10:37:12Z"),
                Arguments.of("now/w", "2026-11-23T00:00:00Z"),
                Arguments.of("now/M", "2026-11-01T00:00:00Z"),
                Arguments.of("now/y", "2026-01-01T00:00:00Z"),
                Arguments.of("now/d+8h", "2026-11-29T08:00:00Z"),
                Arguments.of("2026-11-29", "2026-11-29T00:00:00Z"),
                Arguments.of("2026-11-29T10:00", "2026-11-29T10:00:00Z"),
                Arguments.of("2026-11-29T10:00:00", "2026-11-29T10:00:00Z"),
                Arguments.of("2026-11-29 10:00:00", "2026-11-29T10:00:00Z"),
                Arguments.of("2026-11-29T10:00:00Z", "2026-11-29T10:00:00Z"),
                Arguments.of("2026-11-29T10:00:00.123456Z", "2026-11-29T10:00:00.123Z"),
                Arguments.of("2026-11-29T12:00:00+02:00", "2026-11-29T10:00:00Z"),
                Arguments.of("2026-11-29T05:00:00.5-05:00", "2026-11-29T10:00:00.500Z"),
                Arguments.of("2026-11-29||+1M/M", "2026-12-01T00:00:00Z"),
                Arguments.of("1796034600000", "2026-11-30T10:30:00Z"),
                Arguments.of("0", "1970-01-01T00:00:00Z"),
                Arguments.of("-1000", "1969-12-31T23:59:59Z"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lowerBounds")
    void readsLowerBounds(String expression, String expected) throws SearchException {
        assertThat(TimeExpressions.parse(expression, CLOCK)).isEqualTo(at(expected));
    }

    static Stream<Arguments> upperBounds() {
        return Stream.of(
                Arguments.of("now", "2026-11-29T10:37:12.345Z"),
                Arguments.of("now/d", "2026-11-30T00:00:00Z"),
                Arguments.of("now-1d/d", "2026-11-29T00:00:00Z"),
                Arguments.of("now/w", "2026-11-30T00:00:00Z"),
                Arguments.of("now/M", "2026-12-01T00:00:00Z"),
                Arguments.of("now/h", "2026-11-29T11:00:00Z"),
                Arguments.of("2026-11-29", "2026-11-29T00:00:00Z"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("upperBounds")
    void roundsExclusiveUpperBoundsUpToTheNextUnit(String expression, String expected) throws SearchException {
        assertThat(TimeExpressions.parseUpper(expression, CLOCK)).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("upperBounds")
    void roundsInclusiveUpperBoundsToTheLastMillisecondOfTheUnit(String expression, String exclusive) throws SearchException {
        long expected = expression.contains("/") ? at(exclusive) - 1 : at(exclusive);
        assertThat(TimeExpressions.parse(expression, CLOCK, TimeExpressions.Rounding.UP_TO_LAST)).isEqualTo(expected);
    }

    @Test
    void recognisesTextThatCanOnlyBeDateMath() {
        assertThat(TimeExpressions.isDateMath("now-15m")).isTrue();
        assertThat(TimeExpressions.isDateMath(" now")).isTrue();
        assertThat(TimeExpressions.isDateMath("2026-11-29||+1d")).isTrue();
        assertThat(TimeExpressions.isDateMath("2026-11-29")).isFalse();
        assertThat(TimeExpressions.isDateMath("1796034600000")).isFalse();
        assertThat(TimeExpressions.isDateMath("10.0.0.1")).isFalse();
        assertThat(TimeExpressions.isDateMath(null)).isFalse();
    }

    @Property(tries = 2_000)
    void neverFailsWithAnythingButASearchException(@ForAll("expressions") String expression) {
        try {
            TimeExpressions.parse(expression, CLOCK);
            TimeExpressions.parseUpper(expression, CLOCK);
        } catch (SearchException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.position()).isBetween(0, expression.length());
        }
    }

    @Provide
    Arbitrary<String> expressions() {
        var pieces = Arbitraries.of("now", "-", "+", "/", "1", "15", "99999999999999", "d", "M", "y", "w", "x",
                "||", "2026-11-29", "T10:00", ":00", "Z", "+02:00", ".5", " ", "-1");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(8).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(20));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", 0, "empty time expression"),
                Arguments.of("yesterday", 0, "cannot read 'yesterday' as a time; use ISO-8601"),
                Arguments.of("2026-13-01", 0, "cannot read '2026-13-01' as a time"),
                Arguments.of("now-15x", 6, "unknown time unit 'x' at 6 in 'now-15x'; use s, m, h, d, w, M or y"),
                Arguments.of("now-15", 6, "expected a time unit (s, m, h, d, w, M, y) at 6 in 'now-15'"),
                Arguments.of("now 15m", 3, "expected '+', '-' or '/' at 3 in 'now 15m', found ' '"),
                Arguments.of("now/2d", 4, "rounding takes a unit without a number, e.g. now/d; found '2' at 4"),
                Arguments.of("now-99999999999999999999d", 4, "the number at 4 in 'now-99999999999999999999d' is too large"),
                Arguments.of("now+9999999999y", 0, "time expression 'now+9999999999y' is out of range"),
                Arguments.of("99999999999999999999", 0, "cannot read '99999999999999999999' as a time"),
                Arguments.of("nonsense||+1d", 0, "cannot read 'nonsense||+1d' as a time"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void explainsBadExpressions(String expression, int position, String message) {
        SearchException e = catchThrowableOfType(SearchException.class, () -> TimeExpressions.parse(expression, CLOCK));
        assertThat(e).as(expression).isNotNull();
        assertThat(e.getMessage()).startsWith(message);
        assertThat(e.position()).isEqualTo(position);
    }
}
