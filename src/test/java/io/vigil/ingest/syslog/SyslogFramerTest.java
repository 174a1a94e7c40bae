package io.vigil.ingest.syslog;

import static io.vigil.ingest.syslog.Framed.bytes;
import static io.vigil.ingest.syslog.Framed.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyslogFramerTest {
    private static final int MAX = 64;
    private static final String RFC5424_EXAMPLE =
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8";
    private static final String RFC3164_EXAMPLE =
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8";

    static Stream<Arguments> framings() {
        return Stream.of(
                Arguments.of("RFC 6587 3.4.1 octet counting", octet(RFC5424_EXAMPLE) + octet(RFC3164_EXAMPLE), 1024,
                        List.of(RFC5424_EXAMPLE, RFC3164_EXAMPLE)),
                Arguments.of("RFC 6587 3.4.2 LF trailer", RFC5424_EXAMPLE + "\n" + RFC3164_EXAMPLE + "\n", 1024,
                        List.of(RFC5424_EXAMPLE, RFC3164_EXAMPLE)),
                Arguments.of("CRLF trailer", "<13>one\r\n<13>two\r\n", MAX, List.of("<13>one", "<13>two")),
                Arguments.of("NUL trailer", "<13>one\0<13>two\0", MAX, List.of("<13>one", "<13>two")),
                Arguments.of("mixed framings on one connection", "7 <13>one<13>two\n9 <13>three\0<13>four\r\n",
                        MAX, List.of("<13>one", "<13>two", "<13>three", "<13>four")),
                Arguments.of("octet frame followed by a stray LF", "7 <13>one\n7 <13>two\n", MAX,
                        List.of("<13>one", "<13>two")),
                Arguments.of("octet frame drops trailers counted in (rsyslog templates)", "10 <13>one\r\n\0", MAX,
                        List.of("<13>one")),
                Arguments.of("octet frame keeps inner LFs", "12 <13>one\ntwo\n", MAX, List.of("<13>one\ntwo")),
                Arguments.of("octet frame of only a trailer is empty", "1 \n<13>x\n", MAX, List.of("<13>x")),
                Arguments.of("empty lines are skipped", "\n\r\n\0<13>x\n\n", MAX, List.of("<13>x")),
                Arguments.of("a line starting with digits is text", "2024-01-01 boot\n", MAX, List.of("2024-01-01 boot")),
                Arguments.of("digits then LF are a message", "42\n", MAX, List.of("42")),
                Arguments.of("leading zero is not an octet count", "0 <13>x\n", MAX, List.of("0 <13>x")),
                Arguments.of("eleven digits are text, not a count", "12345678901 x\n", MAX, List.of("12345678901 x")),
                Arguments.of("unterminated last line is kept whole", "<13>a\n<13>b", MAX, List.of("<13>a", "<13>b")),
                Arguments.of("connection closes mid octet frame", "20 <13>partial", MAX, List.of("<13>partial…[truncated]")),
                Arguments.of("connection closes after the count", "20 ", MAX, List.of()),
                Arguments.of("lone CR before EOF is dropped", "<13>a\r", MAX, List.of("<13>a")),
                Arguments.of("bytes pass through untouched", "<13>caf\u00e9 \u00ff\u0001\n", MAX,
                        List.of("<13>caf\u00e9 \u00ff\u0001")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framings")
    void framesStreamsAsTheRfcDescribes(String name, String stream, int max, List<String> expected) {
        assertThat(frame(max, stream)).as(name).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framings")
    void framesTheSameWhenTheStreamIsSplitAtEveryByte(String name, String stream, int max, List<String> expected) {
        byte[] all = bytes(stream);
        for (int split = 0; split <= all.length; split++) {
            byte[] first = Arrays.copyOfRange(all, 0, split);
            byte[] second = Arrays.copyOfRange(all, split, all.length);
            assertThat(frame(max, first, second)).as(name + " split at " + split).isEqualTo(expected);
        }
        byte[][] single = new byte[all.length][];
        for (int i = 0; i < all.length; i++) {
            single[i] = new byte[] {all[i]};
        }
        assertThat(frame(max, single)).as(name + " one byte at a time").isEqualTo(expected);
    }

    @Test
    void keepsALineOfExactlyTheMaximumWhole() {
        String exact = "x".repeat(MAX);
        assertThat(frame(MAX, exact + "\n" + exact)).containsExactly(exact, exact);
    }

    @Test
    void cutsALineOneByteOverTheMaximumAndResumesAtTheNextTrailer() {
        String over = "y".repeat(MAX + 1);
        assertThat(frame(MAX, over + "\n<13>next\n")).containsExactly("y".repeat(MAX) + "…[truncated]", "<13>next");
    }

    @Test
    void keepsAnOctetFrameOfExactlyTheMaximumWhole() {
        String exact = "z".repeat(MAX);
        assertThat(frame(MAX, MAX + " " + exact + "3 abc")).containsExactly(exact, "abc");
    }

    @Test
    void cutsAnOctetFrameOneByteOverTheMaximumAndReadsPastItsEnd() {
        String over = "z".repeat(MAX) + "!";
        assertThat(frame(MAX, (MAX + 1) + " " + over + "3 abc"))
                .containsExactly("z".repeat(MAX) + "…[truncated]", "abc");
    }

    @Test
    void discardsAHugeOctetCountWithoutBufferingIt() {
        SyslogFramer framer = new SyslogFramer(MAX);
        List<Boolean> truncatedFlags = new java.util.ArrayList<>();
        SyslogFramer.MessageSink sink = (message, truncated) -> truncatedFlags.add(truncated);
        framer.feed(bytes("999999999 "), 0, 10, sink);
        byte[] junk = new byte[1 << 20];
        Arrays.fill(junk, (byte) 'q');
        long fed = 0;
        for (int i = 0; i < 50; i++) { // 50 MiB of a 999999999-byte frame
            framer.feed(junk, 0, junk.length, sink);
            fed += junk.length;
            assertThat(framer.bufferedBytes()).isLessThanOrEqualTo(MAX);
        }
        assertThat(fed).isEqualTo(50L << 20);
        assertThat(truncatedFlags).isEmpty();
        framer.endOfStream(sink);
        assertThat(truncatedFlags).containsExactly(true);
    }

    @Test
    void refusesALimitTooSmallForAnOctetCount() {
        assertThatThrownBy(() -> new SyslogFramer(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least");
    }

    private static String octet(String message) {
        return bytes(message).length + " " + message;
    }
}
