package io.vigil.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the framer over generated streams (jqwik prints the seed of a failing run). */
class SyslogFramerPropertiesTest {
    private static final int MAX = 100;

    /** Bytes biased towards what steers the framer: digits, space, LF, CR, NUL. */
    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '1', (byte) '9', (byte) '0', (byte) ' ', (byte) '\n',
                (byte) '\r', (byte) 0, (byte) '<', (byte) 'a');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(2000)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }

    @Property(tries = 500)
    void neverThrowsNorBuffersMoreThanTheLimit(@ForAll("streams") byte[] stream, @ForAll @IntRange(min = 1, max = 300) int chunk) {
        SyslogFramer framer = new SyslogFramer(MAX);
        List<byte[]> messages = new ArrayList<>();
        SyslogFramer.MessageSink sink = (message, truncated) -> messages.add(message);
        for (int pos = 0; pos < stream.length; pos += chunk) {
            framer.feed(stream, pos, Math.min(chunk, stream.length - pos), sink);
            assertThat(framer.bufferedBytes()).isLessThanOrEqualTo(MAX);
        }
        framer.endOfStream(sink);
        assertThat(messages).allSatisfy(m -> assertThat(m.length).isBetween(1, MAX));
        assertThat(framer.bufferedBytes()).isZero();
    }

    @Property(tries = 200)
    void chunkBoundariesNeverChangeTheMessages(@ForAll("streams") byte[] stream, @ForAll @IntRange(min = 1, max = 50) int chunk) {
        assertThat(Framed.frame(MAX, splitInto(stream, chunk))).isEqualTo(Framed.frame(MAX, stream));
    }

    @Property(tries = 200)
    void octetCountedMessagesRoundTripWhateverTheirBytesExceptTrailers(@ForAll("messages") List<byte[]> messages) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes((m.length + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(m);
        }
        List<byte[]> framed = new ArrayList<>();
        SyslogFramer framer = new SyslogFramer(MAX);
        byte[] all = out.toByteArray();
        framer.feed(all, 0, all.length, (message, truncated) -> framed.add(message));
        framer.endOfStream((message, truncated) -> framed.add(message));
        List<byte[]> expected = messages.stream().map(SyslogFramerPropertiesTest::withoutTrailers)
                .filter(m -> m.length > 0).toList();
        assertThat(framed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(framed.get(i)).isEqualTo(expected.get(i));
        }
    }

    private static byte[] withoutTrailers(byte[] m) {
        int end = m.length;
        while (end > 0 && (m[end - 1] == '\n' || m[end - 1] == '\r' || m[end - 1] == 0)) {
            end--;
        }
        return java.util.Arrays.copyOf(m, end);
    }

    @Provide
    Arbitrary<List<byte[]>> messages() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(MAX).list().ofMaxSize(30);
    }

    private static byte[][] splitInto(byte[] stream, int chunk) {
        int parts = (stream.length + chunk - 1) / chunk;
        byte[][] out = new byte[parts][];
        for (int i = 0; i < parts; i++) {
            out[i] = java.util.Arrays.copyOfRange(stream, i * chunk, Math.min(stream.length, (i + 1) * chunk));
        }
        return out;
    }
}
