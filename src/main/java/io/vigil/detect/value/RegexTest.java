package io.vigil.detect.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A {@code re} value: RE2 syntax (linear time), searched anywhere in the value (unanchored), case-sensitive
 * unless the {@code i} flag is given. Constructs RE2 cannot run in linear time (look-around, back-references)
 * are rejected with the reason.
 */
public final class RegexTest implements ValueTest {

    private static final java.util.regex.Pattern MIN_LENGTH_ONLY = java.util.regex.Pattern.compile("\\.\\{(\\d{1,6}),}");
    private static final java.util.regex.Pattern INLINE_I = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]*i");

    private final Pattern pattern;
    private final String literal;
    /** Runs every match contains: checked with String.contains before the regex runs (far cheaper). */
    private final String[] mustContain;
    private final boolean checkLower;
    /** For {@code .{N,}} alone: N (a line of at least N code points), else -1. RE2 runs such counts slowly. */
    private final int minLine;

    public RegexTest(String regex, int flags) {
        try {
            this.pattern = Pattern.compile(regex, flags);
            this.literal = RegexLiterals.required(regex);
            this.checkLower = (flags & Pattern.CASE_INSENSITIVE) != 0 || INLINE_I.matcher(regex).find();
            // Case-insensitively RE2 matches the long s for s, which lower-casing keeps apart: such runs are left out.
            this.mustContain = RegexLiterals.runs(regex).stream().map(r -> checkLower ? r.toLowerCase(java.util.Locale.ROOT) : r)
                    .filter(r -> !checkLower || r.indexOf('s') < 0).toArray(String[]::new);
            var m = MIN_LENGTH_ONLY.matcher(regex);
            this.minLine = flags == 0 && m.matches() ? Integer.parseInt(m.group(1)) : -1;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regular expression not supported by RE2 (no look-around or "
                    + "back-references): " + e.getDescription() + " in /" + regex + "/");
        }
    }

    @Override
    public boolean test(String raw, String lower) {
        if (minLine >= 0) return hasLine(raw, minLine);
        for (String run : mustContain) if (!(checkLower ? lower : raw).contains(run)) return false;
        return pattern.matcher(raw).find();
    }

    /** Whether some stretch without a newline holds at least {@code n} code points (what {@code .{n,}} finds). */
    private static boolean hasLine(String s, int n) {
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            count = cp == '\n' ? 0 : count + 1;
            if (count >= n) return true;
        }
        return n == 0;
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
