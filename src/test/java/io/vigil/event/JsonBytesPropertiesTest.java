package io.vigil.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link JsonBytes} agrees with plain definitions: the word scan stops exactly where a byte-by-byte search for a
 * quote, backslash, control or non-ASCII byte would (or at the last partial word), and a UTF-8 sequence is
 * accepted exactly when the JDK's strict decoder accepts it as one character. jqwik prints the seed of a failure.
 */
class JsonBytesPropertiesTest {
    @Property(tries = 2_000)
    void skipsPlainWordsUpToTheFirstSpecialByte(@ForAll("mostlyPlain") byte[] b) {
        int firstSpecial = 0;
        while (firstSpecial < b.length && !isSpecial(b[firstSpecial])) firstSpecial++;
        int lastWordEnd = b.length / 8 * 8;
        int found = JsonBytes.skipPlainWords(b, 0, b.length);
        assertThat(found).as(HexFormat.of().formatHex(b)).isEqualTo(Math.min(firstSpecial, lastWordEnd));
    }

    @Property(tries = 5_000)
    void acceptsAUtf8SequenceExactlyWhenTheJdkDecodesItAsOneCharacter(@ForAll("sequences") byte[] b) {
        if ((b[0] & 0xFF) < 0x80) return; // only lead bytes of multi-byte sequences are handed over
        int end = JsonBytes.utf8End(b, 0, b.length);
        int jdkEnd = jdkSequenceEnd(b);
        assertThat(end).as(HexFormat.of().formatHex(b)).isEqualTo(jdkEnd);
    }

    private static boolean isSpecial(byte c) {
        return c == '"' || c == '\\' || (c & 0xFF) < 0x20 || c < 0;
    }

    /** The shortest prefix the strict decoder reads as one code point, or MALFORMED. */
    private static int jdkSequenceEnd(byte[] b) {
        for (int length = 1; length <= Math.min(4, b.length); length++) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, length)).toString();
                if (s.codePointCount(0, s.length()) == 1) return length;
            } catch (CharacterCodingException e) {
                // not yet a whole character, or malformed: try one byte more
            }
        }
        return JsonBytes.MALFORMED;
    }

    @Provide
    Arbitrary<byte[]> mostlyPlain() {
        Arbitrary<Byte> plain = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E).filter(c -> c != '"' && c != '\\');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, plain), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(40).map(JsonBytesPropertiesTest::toArray);
    }

    @Provide
    Arbitrary<byte[]> sequences() {
        Arbitrary<Byte> lead = Arbitraries.integers().between(0x80, 0xFF).map(Integer::byteValue);
        Arbitrary<Byte> continuation = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0x80, 0xBF).map(Integer::byteValue)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return net.jqwik.api.Combinators.combine(lead, continuation.list().ofMaxSize(3)).as((l, rest) -> {
            byte[] out = new byte[rest.size() + 1];
            out[0] = l;
            for (int k = 0; k < rest.size(); k++) out[k + 1] = rest.get(k);
            return out;
        });
    }

    private static byte[] toArray(java.util.List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int k = 0; k < out.length; k++) out[k] = bytes.get(k);
        return out;
    }
}
