package io.vigil.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.windows.WindowsNormalizationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random, truncated and mutated input never escapes as an exception and always gives one event per line. */
class DecoderPropertiesTest {
    static final List<String> SAMPLES = List.of(
            WindowsNormalizationTest.EVTX_SYSMON_1, WindowsNormalizationTest.FLAT_SECURITY_4624,
            WindowsNormalizationTest.XML_SYSTEM_7045,
            "<165>1 2003-10-11T22:14:15.003Z host evntslog - ID47 [exampleSDID@32473 iut=\"3\" q=\"a\\\"b\"] \uFEFFmsg",
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed",
            "Mar 27 13:06:56 host sshd[1]: Failed password for invalid user admin from 5.6.7.8 port 22 ssh2",
            "Mar 27 13:06:56 host sudo:   ubuntu : TTY=pts/0 ; PWD=/x ; USER=root ; COMMAND=/bin/ls",
            "{\"@timestamp\":1600000000,\"a\":{\"b\":[1,{\"c\":null}]},\"winlog\":{\"channel\":\"security\",\"event_id\":\"4625\"}}");

    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    @Provide
    Arbitrary<byte[]> truncatedSamples() {
        return Arbitraries.of(SAMPLES).flatMap(s -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return Arbitraries.integers().between(0, b.length).map(n -> Arrays.copyOf(b, n));
        });
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        return Arbitraries.of(SAMPLES).flatMap(s -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return Arbitraries.integers().between(0, b.length - 1).list().ofMinSize(1).ofMaxSize(8)
                    .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                        byte[] copy = b.clone();
                        for (int i = 0; i < positions.size(); i++) copy[positions.get(i)] = values.get(i);
                        return copy;
                    }));
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<Byte> structural = Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"',
                (byte) ':', (byte) ',', (byte) '<', (byte) '>', (byte) ' ', (byte) '1', (byte) '-', (byte) '\\');
        return Arbitraries.oneOf(Arbitraries.bytes(), structural).list().ofMaxSize(200).map(list -> {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) out[i] = list.get(i);
            return out;
        });
    }

    @Property(tries = 400)
    void truncatedLinesGiveOneEventEach(@ForAll("truncatedSamples") byte[] line) {
        assertOneEventPerLine(List.of(line, line));
    }

    @Property(tries = 400)
    void mutatedLinesGiveOneEventEach(@ForAll("mutatedSamples") byte[] line) {
        assertOneEventPerLine(List.of(line));
    }

    @Property(tries = 400)
    void randomBytesGiveOneEventEach(@ForAll("randomBytes") byte[] line) {
        assertOneEventPerLine(List.of(line));
    }

    @Property(tries = 200)
    void everyDecoderReturnsAValueForAnyInput(@ForAll("randomBytes") byte[] random, @ForAll("truncatedSamples") byte[] truncated) {
        for (Decoder d : DefaultEventParser.standardDecoders(Clock.systemUTC())) {
            assertThat(d.decode(random)).isNotNull();
            assertThat(d.decode(truncated)).isNotNull();
        }
    }

    private void assertOneEventPerLine(List<byte[]> lines) {
        List<byte[]> batchLines = new ArrayList<>(lines);
        List<StoredEvent> events = parser.parse(new RawBatch("p", "i", "", 1L, batchLines), 7);
        assertThat(events).hasSameSizeAs(lines);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).original()).isEqualTo(lines.get(i));
            assertThat(events.get(i).event().id()).isEqualTo(EventParser.eventId(7, i));
            assertThat(events.get(i).event().get("@timestamp")).isInstanceOf(String.class);
            String error = events.get(i).event().text("error.message");
            if (error != null) assertThat(error).doesNotContain("decoder error");
        }
    }
}
