package io.vigil.store.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * LogTextAnalyzer against StandardAnalyzer on generated text: ASCII-biased strings with the chars the word-break
 * rules care about, runs longer than the 255-char token window, and now and then a non-ASCII char (which must
 * take the fallback path). The seeds are fixed so that a run is reproducible; jqwik prints the seed and the
 * shrunk input of a failure.
 */
class LogTextAnalyzerEquivalenceTest {

    private static final String ASCII = "aAzZqQmM0159_.,;:'-@/\\[]()=\"#%&*+?! \t\n\r";
    private static final List<String> NON_ASCII = List.of("é", "ß", "中", "😀", "\u00A0", "\u0301", "\u00AD", "ア", "\u2019");

    private final Analyzer standard = new StandardAnalyzer();
    private final Analyzer logText = new LogTextAnalyzer();

    @Property(tries = 3000, seed = "7713310467411")
    void givesStandardAnalyzersStreamForAnyText(@ForAll("logLikeText") String text) {
        assertThat(AnalyzedStream.of(logText, "message", text)).isEqualTo(AnalyzedStream.of(standard, "message", text));
    }

    @Property(tries = 300, seed = "5592011843")
    void givesStandardAnalyzersStreamsWhenReusedAcrossValuesFieldsAndReaders(
            @ForAll @Size(min = 1, max = 8) List<@From("logLikeText") String> texts,
            @ForAll @IntRange(min = 1, max = 7) int charsPerRead) {
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String field = i % 3 == 0 ? "message" : "user.name.text";
            AnalyzedStream expected = AnalyzedStream.of(standard, field, text);
            assertThat(AnalyzedStream.of(logText, field, text)).as("string value %d", i).isEqualTo(expected);
            assertThat(AnalyzedStream.ofTrickle(logText, field, text, charsPerRead)).as("reader value %d", i)
                    .isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<String> logLikeText() {
        Arbitrary<String> asciiChar = Arbitraries.of(ASCII.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        Arbitrary<String> wordish = Arbitraries.strings().withChars("abXY019_.':,;").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> longRun = Arbitraries.strings().withChars("aB7_.").ofMinLength(200).ofMaxLength(700);
        Arbitrary<String> sameCharRun = Combinators.combine(Arbitraries.of("a", "Z", "5", "_", "."),
                Arbitraries.integers().between(240, 530)).as(String::repeat);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(60, asciiChar),
                Tuple.of(30, wordish),
                Tuple.of(2, longRun),
                Tuple.of(2, sameCharRun),
                Tuple.of(1, Arbitraries.of(NON_ASCII)));
        return piece.list().ofMaxSize(40).map(pieces -> String.join("", pieces));
    }
}
