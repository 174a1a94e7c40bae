package io.vigil.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Re-parsing a stored line with its parse context gives back exactly the event the ingest made. */
class ReparseTest {
    static final long RECEIVED = Instant.parse("2027-01-02T08:00:00Z").toEpochMilli();

    private static List<StoredEvent> parse(DefaultEventParser parser, String source, String index, String... lines) {
        List<byte[]> raw = java.util.Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
        return parser.parse(new RawBatch(source, index, "10.1.2.3", RECEIVED, raw), 42);
    }

    @Test
    void everyDecodedLineIsMadeAgainFromItsContextWhateverTheClockSaysLater() {
        DefaultEventParser atIngest = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.fixed(Instant.ofEpochMilli(RECEIVED), ZoneOffset.UTC));
        // years later, the same code reads the raw lines back
        DefaultEventParser later = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.fixed(Instant.parse("2031-06-01T00:00:00Z"), ZoneOffset.UTC));
        List<StoredEvent> events = parse(atIngest, "http", "logs",
                "<38>Dec 31 23:59:58 bastion sshd[4242]: Failed password for root from 203.0.113.9 port 50022 ssh2",
                "{\"EventID\":4625,\"Channel\":\"Security\",\"Hostname\":\"DC1\",\"TargetUserName\":\"bob\",\"IpAddress\":\"10.0.0.5\"}",
                "203.0.113.7 - - [01/Jan/2027:07:59:00 +0000] \"GET /login HTTP/1.1\" 401 512 \"-\" \"curl/8.5\"",
                "{\"event_type\":\"alert\",\"src_ip\":\"10.0.0.9\",\"dest_ip\":\"10.0.0.1\",\"alert\":{\"signature\":\"ET SCAN\"}}");
        assertThat(events).allSatisfy(e -> assertThat(e.parseContext()).isNotNull());
        // the RFC 3164 line has no year: it is dated from its receipt (2027-01-02), so December is 2026
        assertThat(events.getFirst().event().get("@timestamp")).isEqualTo("2026-12-31T23:59:58.000Z");
        for (StoredEvent e : events) {
            assertThat(later.reparse(e.event().id(), e.original(), e.parseContext())).contains(e.event());
        }
    }

    @Test
    void aSourceConfiguredForADecoderIsReadAgainWithThatDecoderEvenAfterTheConfigurationChanged() {
        DefaultEventParser configured = DefaultEventParser.standard(
                new ParserConfig(ParserConfig.DEFAULT_MAX_LINE_BYTES, Map.of("mail", "postfix")), Clock.systemUTC());
        StoredEvent e = parse(configured, "syslog-udp", "mail",
                "<22>Jan  2 07:00:01 mx1 postfix/smtpd[311]: connect from unknown[198.51.100.4]").getFirst();
        assertThat(e.event().get("event.dataset")).isEqualTo("postfix.log");
        DefaultEventParser unconfigured = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        assertThat(unconfigured.reparse(e.event().id(), e.original(), e.parseContext())).contains(e.event());
    }

    @Test
    void linesThatCannotBeMadeAgainCarryNoContext() {
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        List<StoredEvent> events = parse(parser, "http", "iis",
                "#Fields: date time c-ip cs-method cs-uri-stem sc-status",
                "2027-01-02 07:00:00 10.0.0.8 GET /owa 200",
                "   ",
                "\u0001\u0002 not a log line in any format {");
        assertThat(events.get(1).event().get("http.request.method")).isEqualTo("GET"); // decoded by IIS W3C, which keeps state
        assertThat(events.get(1).parseContext()).isNull();
        assertThat(events.get(2).parseContext()).isNull(); // parse failures keep their fields
        assertThat(events.get(3).parseContext()).isNull();
    }

    @Test
    void anUnreadableContextOrAnUnknownDecoderGivesNothingRatherThanAWrongEvent() {
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        byte[] line = "<13>Jan  2 07:00:00 host app: hello".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.reparse("x-1", line, new byte[] {9, 9, 9})).isEmpty();
        byte[] unknown = new ParseContext("no-such-decoder", "http", "", "", RECEIVED).encode();
        assertThat(parser.reparse("x-1", line, unknown)).isEmpty();
        assertThat(ParseContext.decode(new ParseContext("syslog", "s", "i", "a", 7).encode()))
                .contains(new ParseContext("syslog", "s", "i", "a", 7));
    }
}
