package io.vigil.parse.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The fast formatter (day part cached, time digits by arithmetic) agrees with java.time for every instant. */
class TimestampFormatPropertiesTest {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Years 0000..9999, including instants before 1970 (negative millis). */
    @Property(tries = 5000)
    void formatsLikeJavaTime(@ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long millis) {
        assertThat(Timestamps.format(millis)).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
    }

    /** Alternating days exercise the cache being replaced on every call. */
    @Property(tries = 1000)
    void formatsNeighbouringDaysAlternatelyWithoutMixingThem(
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis) {
        long nextDay = millis + 86_400_000L;
        for (int i = 0; i < 3; i++) {
            assertThat(Timestamps.format(millis)).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
            assertThat(Timestamps.format(nextDay)).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(nextDay)));
        }
    }
}
