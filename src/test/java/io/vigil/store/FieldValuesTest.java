package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
    /** What {@link FieldValues#toEpochMillis} gave before its fast path: the general ISO-8601 parses in turn. */
    private static Long generalParse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // next shape
        }
        try {
            return java.time.Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void fastDateParsingAgreesWithTheGeneralParserOnRandomInstants() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L);
            long nanos = random.nextInt(1_000_000);
            String iso = java.time.Instant.ofEpochMilli(millis).plusNanos(nanos).toString();
            assertThat(FieldValues.toEpochMillis(iso)).as("seed %d, value %s", seed, iso).isEqualTo(generalParse(iso));
        }
    }

    @Test
    void fastDateParsingTakesEveryFractionLengthAndTruncatesToMillis() {
        for (String text : List.of("2020-10-18T10:56:14Z", "2020-10-18T10:56:14.3Z", "2020-10-18T10:56:14.37Z",
                "2020-10-18T10:56:14.371Z", "2020-10-18T10:56:14.3719Z", "2020-10-18T10:56:14.371999999Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T00:00:00Z", "0001-01-01T00:00:00Z")) {
            assertThat(FieldValues.utcInstantMillis(text)).as(text).isEqualTo(generalParse(text));
        }
    }

    @Test
    void shapesOutsideTheFastPathStillParseTheGeneralWay() {
        for (String text : List.of("2020-10-18T10:56:14+02:00", "2020-10-18T10:56Z", "2020-10-18t10:56:14z",
                "2020-10-18T10:56:14.1234567890Z")) {
            assertThat(FieldValues.utcInstantMillis(text)).as(text).isEqualTo(Long.MIN_VALUE);
            assertThat(FieldValues.toEpochMillis(text)).as(text).isEqualTo(generalParse(text));
        }
    }

    @Test
    void impossibleDatesAreNotFastParsedAndGetWhatTheGeneralParseGives() {
        for (String text : List.of("2023-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-04-31T00:00:00Z",
                "2020-10-18T24:00:00Z", "2020-10-18T10:60:00Z", "2020-10-18T10:56:61Z", "2020-1a-18T10:56:14Z",
                "2020-10-18T10:56:14.Z")) {
            if (!text.contains("T24") && !text.endsWith(".Z")) assertThat(generalParse(text)).as(text).isNull();
            assertThat(FieldValues.utcInstantMillis(text)).as(text).isEqualTo(Long.MIN_VALUE);
            assertThat(FieldValues.toEpochMillis(text)).as(text).isEqualTo(generalParse(text));
        }
    }

    /** What {@link FieldValues#toInetAddress} does for dotted quads without its fast path. */
    private static java.net.InetAddress generalIpv4(String t) {
        if (!t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        try {
            return java.net.InetAddress.getByName(t);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    @Test
    void theDottedQuadFastPathAgreesWithTheJdkWheneverItAnswers() {
        long seed = 20261129L;
        Random random = new Random(seed);
        String alphabet = "0123456789.00112255.";
        int answered = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            if (i % 2 == 0) {
                for (int part = 0; part < 4; part++) text.append(part > 0 ? "." : "").append(random.nextInt(i % 4 == 0 ? 300 : 256));
            } else {
                for (int n = random.nextInt(17); n > 0; n--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            java.net.InetAddress fast = FieldValues.strictIpv4(text.toString());
            if (fast == null) continue;
            answered++;
            assertThat(fast).as("seed %d, '%s'", seed, text).isEqualTo(generalIpv4(text.toString()));
        }
        assertThat(answered).isGreaterThan(10_000);
        assertThat(FieldValues.strictIpv4("010.0.0.1")).isNull();
        assertThat(FieldValues.strictIpv4("1.2.3.256")).isNull();
        assertThat(FieldValues.strictIpv4("1.2.3")).isNull();
        assertThat(FieldValues.strictIpv4(" 1.2.3.4")).isNull();
        assertThat(FieldValues.toInetAddress(" 1.2.3.4 ")).isEqualTo(generalIpv4("1.2.3.4"));
    }

    @Test
    void decimalBytesAreThoseOfLongToString() {
        long seed = 20261129L;
        Random random = new Random(seed);
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long v : edges) assertThat(FieldValues.decimal(v).utf8ToString()).isEqualTo(Long.toString(v));
        for (int i = 0; i < 50_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertThat(FieldValues.decimal(v).utf8ToString()).as("seed %d", seed).isEqualTo(Long.toString(v));
        }
    }
}
