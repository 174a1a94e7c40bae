package io.vigil.detect.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A {@code re} value: RE2 syntax (linear time), searched anywhere in the value (unanchored), case-sensitive
 * unless the {@code i} flag is given. Constructs RE2 cannot run in linear time (look-around, back-references)
 * are rejected with the reason.
 */
public final class RegexTest implements ValueTest {

    private final Pattern pattern;
    private final String literal;

    public RegexTest(String regex, int flags) {
        try {
            this.pattern = Pattern.compile(regex, flags);
            this.literal = RegexLiterals.required(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regular expression not supported by RE2 (no look-around or "
                    + "back-references): " + e.getDescription() + " in /" + regex + "/");
        }
    }

    @Override
    public boolean test(String raw, String lower) {
        return pattern.matcher(raw).find();
    }

    /** A literal every match contains (see {@link RegexLiterals}), so regex rules can be prefiltered too. */
    @Override
    public String requiredLiteral() {
        return literal;
    }

    @Override
    public String toString() {
        return "/" + pattern.pattern() + "/";
    }
}
