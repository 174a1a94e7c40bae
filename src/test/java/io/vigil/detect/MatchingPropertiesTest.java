package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.compile.AhoCorasick;
import io.vigil.detect.value.Glob;
import io.vigil.detect.value.SigmaString;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the string machinery; jqwik prints the seed of any failing run. */
class MatchingPropertiesTest {

    @Property
    void ahoCorasickFindsExactlyThePatternsThatOccurIgnoringCase(
            @ForAll @Size(min = 1, max = 8) List<@StringLength(min = 1, max = 4) @AlphaChars String> patterns,
            @ForAll @StringLength(max = 40) @AlphaChars String text) {
        AhoCorasick ac = new AhoCorasick(patterns);
        Set<Integer> found = new HashSet<>();
        ac.scan(text, found::add);
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < patterns.size(); i++) {
            assertThat(found.contains(i)).as("pattern %s in %s", patterns.get(i), text)
                    .isEqualTo(lower.contains(patterns.get(i).toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * The prefilter's contract on any text, non-ASCII included: every pattern occurring in the lower-cased
     * text is reported (bits of markFolding, or markLower over the lower-cased text when markFolding declines),
     * and nothing else except where a long s stands for s.
     */
    @Property
    void markFindsEveryPatternOfTheLowerCasedText(
            @ForAll @Size(min = 1, max = 8) List<@StringLength(min = 1, max = 4) @Chars({'a', 'b', 'c', 'd', '\u00e9'}) String> patterns,
            @ForAll @StringLength(max = 60) @Chars({'a', 'b', 'c', 'd', 'A', 'B', 'S', 's', '\u017f', '\u0130', '\u00e9', '\u00c9',
                '\u03a3', '\u212a', 'x', ' '}) String text) {
        List<String> withS = patterns.stream().map(p -> p.replace('d', 's')).toList();
        AhoCorasick ac = new AhoCorasick(withS);
        int[] owner = new int[withS.size()];
        for (int i = 0; i < owner.length; i++) owner[i] = i;
        long[] bits = new long[1];
        String lower = text.toLowerCase(Locale.ROOT);
        if (!ac.markFolding(text, owner, bits)) ac.markLower(lower, owner, bits);
        String lowerLongS = lower.replace('\u017f', 's');
        for (int i = 0; i < withS.size(); i++) {
            boolean marked = (bits[0] & 1L << i) != 0;
            if (lower.contains(withS.get(i))) assertThat(marked).as("%s in %s", withS.get(i), text).isTrue();
            if (marked) assertThat(lowerLongS).contains(withS.get(i));
        }
    }

    /**
     * Long patterns over a small alphabet: scans enter single-pattern tails of many states, leave them
     * part-way (the text differs) or at the end, and tails hold other patterns as suffixes, so the direct
     * comparison of a tail's rest must report exactly what stepping state by state reports.
     */
    @Property
    void markFindsLongPatternsWhoseTailsTheScanComparesDirectly(
            @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 3, max = 14) @Chars({'a', 'b', 'c'}) String> patterns,
            @ForAll @StringLength(max = 80) @Chars({'a', 'b', 'c', 'A', 'B', '\u00e9'}) String text) {
        AhoCorasick ac = new AhoCorasick(patterns);
        int[] owner = new int[patterns.size()];
        for (int i = 0; i < owner.length; i++) owner[i] = i;
        long[] bits = new long[1];
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(ac.markFolding(text, owner, bits)).isTrue();
        for (int i = 0; i < patterns.size(); i++) {
            assertThat((bits[0] & 1L << i) != 0).as("%s in %s", patterns.get(i), text).isEqualTo(lower.contains(patterns.get(i)));
        }
    }

    @Property
    void escapedTextMatchesOnlyItself(@ForAll @StringLength(max = 20) String text) {
        SigmaString s = SigmaString.parse(SigmaString.literal(text).toString());
        assertThat(s.hasWildcards()).isFalse();
        assertThat(new Glob(s, true).test(text, text.toLowerCase(java.util.Locale.ROOT))).isTrue();
    }

    @Property
    void containsGlobAgreesWithStringContains(@ForAll @StringLength(min = 1, max = 5) @AlphaChars String needle,
                                              @ForAll @StringLength(max = 30) @AlphaChars String value) {
        Glob g = new Glob(SigmaString.literal(needle).prependAny().appendAny(), false);
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        assertThat(g.test(value, lower)).isEqualTo(lower.contains(needle.toLowerCase(java.util.Locale.ROOT)));
    }

    @Property
    void wildcardGlobAgreesWithARegularExpression(@ForAll @StringLength(max = 8) @Chars({'a', 'b', '*', '?'}) String pattern,
                                                  @ForAll @StringLength(max = 14) @Chars({'a', 'b'}) String value) {
        StringBuilder regex = new StringBuilder("(?s)");
        for (char c : pattern.toCharArray()) regex.append(c == '*' ? ".*" : c == '?' ? "." : String.valueOf(c));
        boolean expected = java.util.regex.Pattern.matches(regex.toString(), value);
        assertThat(new Glob(SigmaString.parse(pattern), true).test(value, value)).as("%s on %s", pattern, value).isEqualTo(expected);
    }
}
