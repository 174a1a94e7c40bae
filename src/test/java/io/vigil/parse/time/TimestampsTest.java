package io.vigil.parse.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private final Timestamps timestamps =
            new Timestamps(Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2020-10-22T02:57:56.178Z          | 2020-10-22T02:57:56.178Z",
        "2020-10-22T02:57:56Z              | 2020-10-22T02:57:56.000Z",
        "2026-04-17T05:24:53.092051Z       | 2026-04-17T05:24:53.092Z",
        "2022-05-11T18:10:20.399931000Z    | 2022-05-11T18:10:20.399Z",
        "2020-10-22T04:57:56.178+02:00     | 2020-10-22T02:57:56.178Z",
        "2020-10-21T22:57:56.178-0400      | 2020-10-22T02:57:56.178Z",
        "2020-10-22T02:57:56.178           | 2020-10-22T02:57:56.178Z",
        "2020-10-21 12:19:01.088           | 2020-10-21T12:19:01.088Z",
        "2020-09-21 19:18:41               | 2020-09-21T19:18:41.000Z",
        "1600000000000                     | 2020-09-13T12:26:40.000Z",
        "1600000000                        | 2020-09-13T12:26:40.000Z",
        "1600000000.5                      | 2020-09-13T12:26:40.500Z",
        "Mar  7 13:06:56                   | 2026-03-07T13:06:56.000Z",
        "Dec 31 23:59:59                   | 2025-12-31T23:59:59.000Z",
    })
    void readsCommonFormats(String text, String expected) {
        assertThat(Timestamps.format(timestamps.parse(text))).isEqualTo(expected);
    }

    @Test
    void readsEpochNumbers() {
        assertThat(Timestamps.format(timestamps.parse((Object) 1600000000000L))).isEqualTo("2020-09-13T12:26:40.000Z");
        assertThat(Timestamps.format(timestamps.parse((Object) 1600000000L))).isEqualTo("2020-09-13T12:26:40.000Z");
        assertThat(Timestamps.format(timestamps.parse((Object) 1600000000.25))).isEqualTo("2020-09-13T12:26:40.250Z");
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2020-13-01T00:00:00Z", "2020-02-30T00:00:00Z", "2020-10-22T02:57:56.178X",
        "Foo 12 10:00:00", "12345678901234567890", "2020-10-22T25:00:00Z", "2020-10-22T02:57:56+99:00"})
    void rejectsNonsense(String text) {
        assertThat(timestamps.parse(text)).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void formatsAlwaysWithMillisecondsInUtc() {
        assertThat(Timestamps.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Timestamps.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    }
}
