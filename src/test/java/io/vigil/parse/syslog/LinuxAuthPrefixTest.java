package io.vigil.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The literal prefix that lets LinuxAuth skip a rule's regex must never skip a message the regex matches. */
class LinuxAuthPrefixTest {
    @Test
    void takesThePlainTextUpToTheFirstMetacharacter() {
        assertThat(LinuxAuth.literalPrefix("^Accepted (\\S+) for")).isEqualTo("Accepted ");
        assertThat(LinuxAuth.literalPrefix("^PAM \\d+ more")).isEqualTo("PAM ");
        assertThat(LinuxAuth.literalPrefix("^new group: name=([^,]+)")).isEqualTo("new group: name=");
    }

    @Test
    void leavesOutACharacterAQuantifierMakesOptional() {
        assertThat(LinuxAuth.literalPrefix("^abc?d")).isEqualTo("ab");
        assertThat(LinuxAuth.literalPrefix("^ab*")).isEqualTo("a");
        assertThat(LinuxAuth.literalPrefix("^a{2}")).isEmpty();
    }

    @Test
    void givesNoPrefixForUnanchoredOrAlternativeRegexes() {
        assertThat(LinuxAuth.literalPrefix("Accepted")).isEmpty();
        assertThat(LinuxAuth.literalPrefix("^Accepted|^Failed")).isEmpty();
        assertThat(LinuxAuth.literalPrefix("^\\s*(\\S+) : ")).isEmpty();
    }

    @Test
    void everyRulePrefixIsAPrefixOfWhatItsRegexMatches() {
        for (LinuxAuth.Rule r : LinuxAuth.RULES) {
            assertThat(r.pattern().pattern()).as("rule %s", r.action()).startsWith("^" + r.prefix());
        }
    }

    @Property(tries = 2000)
    void aRegexMatchAlwaysStartsWithItsPrefix(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        if (Pattern.compile(regex).matcher(text).find()) {
            assertThat(text).as("regex %s on %s", regex, text).startsWith(LinuxAuth.literalPrefix(regex));
        }
    }

    @Provide
    Arbitrary<String> regexes() {
        return Arbitraries.of("^ab?c", "^abc", "^a*bc", "^ab+c", "^a|b", "^(?:ab|c)d", "^a.c", "^ab{0,1}c", "^a\\sb", "^ab$");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcd ").ofMaxLength(5);
    }
}
