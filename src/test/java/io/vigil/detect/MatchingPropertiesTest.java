package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.compile.AhoCorasick;
import io.vigil.detect.value.Glob;
import io.vigil.detect.value.SigmaString;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the string machinery; jqwik prints the seed of any failing run. */
class MatchingPropertiesTest {

    @Property
    void ahoCorasickFindsExactlyThePatternsThatOccur(@ForAll @Size(min = 1, max = 8) List<@StringLength(min = 1, max = 4) @AlphaChars String> patterns,
                                                     @ForAll @StringLength(max = 40) @AlphaChars String text) {
        AhoCorasick ac = new AhoCorasick(patterns);
        Set<Integer> found = new HashSet<>();
        ac.scan(text, found::add);
        for (int i = 0; i < patterns.size(); i++) {
            assertThat(found.contains(i)).as("pattern %s in %s", patterns.get(i), text).isEqualTo(text.contains(patterns.get(i)));
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
}
