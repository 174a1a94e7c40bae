package io.vigil.store.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corners of the ASCII word-break rules, found by feeding them to StandardTokenizer: each case states the
 * terms StandardAnalyzer gives and checks that LogTextAnalyzer gives the same stream (offsets, types too).
 */
class LogTextAnalyzerCasesTest {

    private final Analyzer standard = new StandardAnalyzer();
    private final Analyzer logText = new LogTextAnalyzer();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2",
                        "failed password for invalid user admin from 203.0.113.9 port 52144 ssh2"),
                Arguments.of("sshd[2231]: session opened", "sshd 2231 session opened"),
                Arguments.of("user@example.com", "user example.com"),
                Arguments.of("don't 'quoted' a'' a'.b", "don't quoted a a b"),
                Arguments.of("a.b.c a.b.1 a..b ..a ab. 12. 12,", "a.b.c a.b 1 a b a ab 12 12"),
                Arguments.of("1,000.5 1;2 1'2 1:2 1,,2", "1,000.5 1;2 1'2 1 2 1 2"),
                Arguments.of("a:b a::b a,b a;b", "a:b a b a b a b"),
                Arguments.of("a.1 1.a a1.2 a1.b 1a.b", "a 1 1 a a1.2 a1 b 1a.b"),
                Arguments.of("foo_bar _ __ ___a a___ _1_ a_.b a._b A_1.2b", "foo_bar ___a a___ _1_ a_ b a _b a_1.2b"),
                Arguments.of("ssh2 SSH2 x86_64", "ssh2 ssh2 x86_64"),
                Arguments.of("/var/log/auth.log C:\\Windows\\System32", "var log auth.log c windows system32"),
                Arguments.of("http://x.y/z?q=1&r=2#frag", "http x.y z q 1 r 2 frag"),
                Arguments.of("key=value k=\"v w\" a\"b", "key value k v w a b"),
                Arguments.of("-- - ... ,;: __ \t\r\n", ""),
                Arguments.of("fe80::1 2001:db8::ff00:42 00:1A:2b:3C", "fe80 1 2001 db8 ff00 42 00 1a 2b 3c"),
                Arguments.of("x#y x*y 1#2 #1 *1 a-b 1-2", "x y x y 1 2 1 1 a b 1 2"),
                Arguments.of("The THE the", "the the the"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsLikeStandardAnalyzer(String text, String expectedTerms) {
        AnalyzedStream expected = AnalyzedStream.of(standard, "message", text);
        assertThat(expected.terms()).as("StandardAnalyzer itself").isEqualTo(words(expectedTerms));
        assertThat(AnalyzedStream.of(logText, "message", text)).isEqualTo(expected);
    }

    @Test
    void splitsTokensLongerThan255CharsAsStandardAnalyzerDoes() {
        String[] texts = {"a".repeat(255), "a".repeat(256), "x " + "Ab".repeat(200), "a".repeat(254) + ".b",
            "a".repeat(255) + ".b", "_".repeat(254) + "a", "_".repeat(255) + "a", "_".repeat(300) + "a",
            "7".repeat(254) + ",5", "a".repeat(256) + "_" + "b".repeat(600)};
        for (String text : texts) {
            assertThat(AnalyzedStream.of(logText, "message", text)).as("length %d", text.length())
                    .isEqualTo(AnalyzedStream.of(standard, "message", text));
        }
        AnalyzedStream split = AnalyzedStream.of(logText, "message", "a".repeat(300));
        assertThat(split.tokens()).extracting(AnalyzedStream.Token::start, AnalyzedStream.Token::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 255), org.assertj.core.groups.Tuple.tuple(255, 300));
        assertThat(AnalyzedStream.of(logText, "message", "_".repeat(300) + "a").tokens())
                .extracting(AnalyzedStream.Token::start).containsExactly(46);
    }

    @Test
    void endsAtTheLengthOfTheValueIncludingTrailingSeparators() {
        AnalyzedStream stream = AnalyzedStream.of(logText, "message", "  trailing  \n\t");
        assertThat(stream.finalOffset()).isEqualTo(14);
        assertThat(stream.finalPositionIncrement()).isZero();
        assertThat(AnalyzedStream.of(logText, "message", "")).isEqualTo(AnalyzedStream.of(standard, "message", ""));
    }

    @Test
    void handsTextWithANonAsciiCharToStandardTokenizer() {
        for (String text : List.of("café au lait", "Straße 5", "中文 log", "ok 😀 ok", "a\u00A0b", "e\u0301t\u00E9",
                "don\u2019t", "soft\u00ADhyphen", "ｆｕｌｌ１２", "x".repeat(300) + "é")) {
            assertThat(AnalyzedStream.of(logText, "message", text)).as(text)
                    .isEqualTo(AnalyzedStream.of(standard, "message", text));
        }
    }

    @Test
    void typesTokensWithoutLettersAsNumbers() {
        assertThat(AnalyzedStream.of(logText, "message", "52144 1.2_3 _1_ ssh2 a1.2").tokens())
                .extracting(AnalyzedStream.Token::type)
                .containsExactly("<NUM>", "<NUM>", "<NUM>", "<ALPHANUM>", "<ALPHANUM>");
    }

    private static List<String> words(String terms) {
        return terms.isEmpty() ? List.of() : Arrays.asList(terms.split(" "));
    }
}
