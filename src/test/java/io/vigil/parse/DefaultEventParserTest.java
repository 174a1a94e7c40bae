package io.vigil.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultEventParserTest {
    static final long RECEIVED = Instant.parse("2026-03-10T12:00:00.123Z").toEpochMilli();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:01Z"), ZoneOffset.UTC);

    private final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, CLOCK);

    static RawBatch batch(String index, String... lines) {
        return new RawBatch("http", index, "10.1.2.3", RECEIVED,
                Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList());
    }

    private Event one(String line) {
        return parser.parse(batch("web", line), 42).getFirst().event();
    }

    @Test
    void aSyslogMessageCutAtTheSizeLimitIsTaggedTruncatedAndStillDecoded() {
        byte[] cut = "<34>1 2026-11-29T10:00:00Z host app - - - the start of a very long mess".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var event = parser.parse(new RawBatch("syslog-tcp;truncated", "syslog", "127.0.0.1", RECEIVED, List.of(cut)), 1).getFirst().event();
        assertThat(event.hasTag(DefaultEventParser.TRUNCATED_TAG)).isTrue();
        assertThat(event.text("host.name")).isEqualTo("host");
        var whole = parser.parse(new RawBatch("syslog-tcp", "syslog", "127.0.0.1", RECEIVED, List.of(cut)), 2).getFirst().event();
        assertThat(whole.hasTag(DefaultEventParser.TRUNCATED_TAG)).isFalse();
    }

    @Test
    void turnsAJsonLineIntoAFlatEventWithCommonFields() {
        Event e = one("{\"@timestamp\":\"2026-03-01T10:00:00Z\",\"host\":{\"name\":\"h1\"},\"n\":3}");
        assertThat(e.fields()).containsExactly(
                Map.entry("@timestamp", "2026-03-01T10:00:00.000Z"),
                Map.entry("host.name", "h1"), Map.entry("n", 3L),
                Map.entry("event.ingested", "2026-03-10T12:00:00.123Z"),
                Map.entry("vigil.index", "web"), Map.entry("log.source.address", "10.1.2.3"));
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(e.id()).isEqualTo(EventParser.eventId(42, 0));
    }

    @Test
    void givesOneEventPerLineInOrderWithIdsFromThePositionAndTheOriginalBytes() {
        RawBatch b = batch("", "{\"a\":1}", "not json at all", "{\"a\":3}");
        List<StoredEvent> events = parser.parse(b, 1000);
        assertThat(events).extracting(s -> s.event().id())
                .containsExactly(EventParser.eventId(1000, 0), EventParser.eventId(1000, 1), EventParser.eventId(1000, 2));
        for (int i = 0; i < 3; i++) assertThat(events.get(i).original()).isEqualTo(b.lines().get(i));
        assertThat(events.get(0).event().fields()).doesNotContainKeys("vigil.index");
    }

    @Test
    void keepsBrokenJsonAsAFailureEvent() {
        Event e = one("{ x");
        assertThat(e.fields()).containsEntry("message", "{ x").containsEntry("event.original", "{ x")
                .containsEntry("tags", List.of("_parse_failure"));
        assertThat(e.text("error.message")).startsWith("line 1 is not a JSON object: Unexpected character ('x' (code 120))")
                .endsWith("at column 3");
        assertThat(e.timestamp()).isEqualTo(RECEIVED);
    }

    @Test
    void keepsPlainTextAndEmptyLinesAsFailureEvents() {
        List<StoredEvent> events = parser.parse(batch("", "{\"ok\":1}", "hello world", ""), 1);
        assertThat(events.get(1).event().hasTag("_parse_failure")).isTrue();
        assertThat(events.get(1).event().text("error.message")).startsWith("line 2 is in no known format");
        assertThat(events.get(2).event().text("error.message")).isEqualTo("line 3 is empty");
    }

    @Test
    void replacesInvalidUtf8InTheFailureMessageButKeepsTheOriginalBytes() {
        byte[] bad = {'a', (byte) 0xFF, 'b'};
        StoredEvent s = parser.parse(new RawBatch("x", "", "", RECEIVED, List.of(bad)), 1).getFirst();
        assertThat(s.event().text("message")).isEqualTo("a\uFFFDb");
        assertThat(s.original()).isEqualTo(bad);
    }

    @Test
    void rejectsLinesOverTheConfiguredMaximum() {
        DefaultEventParser small = DefaultEventParser.standard(new ParserConfig(64, Map.of()), CLOCK);
        String line = "{\"a\":\"" + "x".repeat(100) + "\"}";
        Event e = small.parse(batch("", line), 1).getFirst().event();
        assertThat(e.text("error.message")).isEqualTo(
                "line 1 is 108 bytes, over the limit of 64 bytes (parse.max_line_bytes)");
        assertThat(e.text("event.original")).hasSize(64);
    }

    @Test
    void fallsBackToOtherTimeFieldsThenToIngestTime() {
        assertThat(one("{\"TimeCreated\":\"2020-10-21 12:19:01.088\"}").timestamp())
                .isEqualTo(Instant.parse("2020-10-21T12:19:01.088Z").toEpochMilli());
        assertThat(one("{\"event\":{\"created\":1600000000000}}").timestamp()).isEqualTo(1600000000000L);
        assertThat(one("{\"a\":1}").timestamp()).isEqualTo(RECEIVED);
        assertThat(one("{\"a\":1}").text("@timestamp")).isEqualTo("2026-03-10T12:00:00.123Z");
    }

    @Test
    void keepsAnUnparseableTimestampAndTagsTheEvent() {
        Event e = one("{\"@timestamp\":\"last tuesday\",\"time\":\"2020-01-02T03:04:05Z\",\"tags\":[\"x\"]}");
        assertThat(e.fields()).containsEntry("vigil.original_timestamp", "last tuesday")
                .containsEntry("tags", List.of("x", "_timestamp_failure"));
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z").toEpochMilli());
    }

    @Test
    void usesTheDecoderConfiguredForTheIndex() {
        DefaultEventParser configured = DefaultEventParser.standard(new ParserConfig(1 << 20, Map.of("web", "json")), CLOCK);
        Event e = configured.parse(batch("web", "plain words"), 1).getFirst().event();
        assertThat(e.text("error.message")).isEqualTo("line 1 is not in the json format configured for 'web'");
    }
}
