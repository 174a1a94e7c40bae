package io.vigil.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.access.AccessLogDecoder;
import io.vigil.parse.access.W3cDecoder;
import io.vigil.parse.app.ApacheErrorDecoder;
import io.vigil.parse.app.CbsDecoder;
import io.vigil.parse.app.HadoopDecoder;
import io.vigil.parse.app.SupercomputerLogDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For each decoder added for real log formats: random, truncated and mutated lines never let an exception
 * escape the decoder and always give exactly one event per line, through detection and through the
 * source being configured with that decoder's name.
 */
class NewDecoderPropertiesTest {
    static final List<String> SAMPLES = List.of(
            "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /a/b.png?x=1 HTTP/1.1\" 200 203023 \"http://x/\" \"Mozilla/5.0 (X)\"",
            "www.example.com:443 2001:db8::1 - bob [01/Jan/2024:00:00:01 +0000] \"POST /login HTTP/2.0\" 302 0 \"-\" \"c\\\"url\" 0.012 \"1.2.3.4\"",
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status time-taken cs(User-Agent)",
            "2024-03-01 10:00:00 10.0.0.2 POST /api - 443 bob 198.51.100.7 curl/8 - 200 0 0 15",
            "Mar  1 10:00:00 mx1 postfix/smtpd[4]: NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 554 5.7.1 <x@v.test>: Relay access denied; from=<s@e.test> to=<x@v.test> proto=ESMTP helo=<e>",
            "Mar  1 10:00:00 mx1 postfix/smtp[7]: 3F2A81C0D2: to=<c@e.org>, relay=mx.e.org[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 ok)",
            "Mar  1 10:00:00 mx1 postfix/qmgr[6]: 3F2A81C0D2: from=<bob@example.com>, size=2345, nrcpt=2 (queue active)",
            "Mar  1 10:00:00 fw kernel: [ 1234.5] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=203.0.113.7 DST=10.0.0.5 LEN=60 PROTO=TCP SPT=51515 DPT=22 SYN",
            "{\"timestamp\":\"2017-03-24T14:01:29.933314-0600\",\"flow_id\":1,\"event_type\":\"alert\",\"src_ip\":\"10.10.8.168\",\"src_port\":1698,\"dest_ip\":\"1.2.3.4\",\"dest_port\":80,\"proto\":\"TCP\",\"alert\":{\"action\":\"allowed\",\"signature_id\":2006380,\"signature\":\"ET X\",\"category\":\"C\",\"severity\":1},\"http\":{\"hostname\":\"h\",\"url\":\"/u?q\",\"status\":\"200\"}}",
            "{\"message\":\"1.2.3.4 - - [17/May/2015:10:05:03 +0000] \\\"GET / HTTP/1.1\\\" 200 1\",\"event\":{\"dataset\":\"apache.access\"}}",
            "{\"message\":\"Mar 27 13:06:56 h sshd[1]: Failed password for root from 5.6.7.8 port 4242 ssh2\",\"event\":{\"dataset\":\"system.auth\"}}",
            "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:80] File does not exist",
            "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1 terminating",
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505",
            "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed for user root",
            "Jul  1 09:29:02 mac sandboxd[129] ([31211]): deny network-outbound /private/var/run/mDNSResponder");

    static final List<String> NAMES = List.of("apache", "nginx", "iis", "postfix", "iptables", "suricata", "apache-error",
            "hadoop", "windows-cbs", "hpc-syslog", "json", "syslog");

    final Clock clock = Clock.systemUTC();
    final DefaultEventParser detecting = DefaultEventParser.standard(ParserConfig.DEFAULT, clock);

    @Provide
    Arbitrary<byte[]> truncated() {
        return Arbitraries.of(SAMPLES).flatMap(s -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return Arbitraries.integers().between(0, b.length).map(n -> Arrays.copyOf(b, n));
        });
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '"', (byte) '[', (byte) ']', (byte) ' ', (byte) ':', (byte) '=',
                (byte) '<', (byte) '>', (byte) '\\', (byte) '-', (byte) '.', (byte) ',', (byte) '#', (byte) 0xC3, (byte) 0);
        return Arbitraries.of(SAMPLES).flatMap(s -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return Arbitraries.integers().between(0, b.length - 1).list().ofMinSize(1).ofMaxSize(6)
                    .flatMap(positions -> Arbitraries.oneOf(Arbitraries.bytes(), interesting).list().ofSize(positions.size())
                            .map(values -> {
                                byte[] copy = b.clone();
                                for (int i = 0; i < positions.size(); i++) copy[positions.get(i)] = values.get(i);
                                return copy;
                            }));
        });
    }

    @Provide
    Arbitrary<byte[]> random() {
        return Arbitraries.strings().withChars("[]\"<>:=-., #{}/0123456789AaSRCDTPINOUrejctfom@\\").ofMaxLength(160)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Property(tries = 500)
    void truncatedLinesGiveOneEventEachWhateverTheConfiguredDecoder(@ForAll("truncated") byte[] line, @ForAll("names") String name) {
        assertOneEventPerLine(detecting, line);
        assertOneEventPerLine(configured(name), line);
    }

    @Property(tries = 500)
    void mutatedLinesGiveOneEventEachWhateverTheConfiguredDecoder(@ForAll("mutated") byte[] line, @ForAll("names") String name) {
        assertOneEventPerLine(detecting, line);
        assertOneEventPerLine(configured(name), line);
    }

    @Property(tries = 300)
    void noNewDecoderThrowsOnRandomInput(@ForAll("random") byte[] random, @ForAll("truncated") byte[] truncated) {
        List<Decoder> decoders = List.of(AccessLogDecoder.apache(), new W3cDecoder(), new ApacheErrorDecoder(),
                new HadoopDecoder(), new CbsDecoder(), new SupercomputerLogDecoder());
        for (Decoder d : decoders) {
            assertThat(d.decode(random)).isNotNull();
            assertThat(d.decode(truncated)).isNotNull();
        }
        for (Decoder d : DefaultEventParser.configuredOnlyDecoders(clock)) {
            assertThat(d.decode(random)).isNotNull();
            assertThat(d.decode(truncated)).isNotNull();
        }
    }

    private DefaultEventParser configured(String name) {
        return DefaultEventParser.standard(new ParserConfig(ParserConfig.DEFAULT_MAX_LINE_BYTES, Map.of("src", name)), clock);
    }

    private static void assertOneEventPerLine(DefaultEventParser parser, byte[] line) {
        List<byte[]> lines = new ArrayList<>(List.of(line, line));
        List<StoredEvent> events = parser.parse(new RawBatch("p", "src", "", 1L, lines), 3);
        assertThat(events).hasSize(2);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).original()).isEqualTo(line);
            assertThat(events.get(i).event().id()).isEqualTo(EventParser.eventId(3, i));
            String error = events.get(i).event().text("error.message");
            if (error != null) assertThat(error).doesNotContain("decoder error");
        }
    }
}
