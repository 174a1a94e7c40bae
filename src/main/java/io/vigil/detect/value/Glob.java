package io.vigil.detect.value;

import java.util.List;
import java.util.Locale;

/**
 * A Sigma string with wildcards, compiled to the cheapest check: equality, prefix, suffix, substring, or a
 * general wildcard match. Case-insensitive unless {@code cased}; a case-insensitive glob is matched
 * against the lower-cased value with a lower-cased pattern.
 */
public final class Glob implements ValueTest {

    private enum Kind { EQUALS, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private final SigmaString pattern;
    private final boolean cased;
    private final Kind kind;
    private final String needle;
    private final SigmaString folded;
    private final WildcardMatch general;

    public Glob(SigmaString pattern, boolean cased) {
        this.pattern = pattern;
        this.cased = cased;
        this.folded = cased ? pattern : pattern.mapText(s -> s.toLowerCase(Locale.ROOT));
        List<SigmaString.Part> p = folded.parts();
        int n = p.size();
        if (!folded.hasWildcards()) {
            kind = Kind.EQUALS;
            needle = folded.plain();
        } else if (n == 2 && p.get(0) instanceof SigmaString.Text t && p.get(1).equals(SigmaString.ANY)) {
            kind = Kind.PREFIX;
            needle = t.text();
        } else if (n == 2 && p.get(1) instanceof SigmaString.Text t && p.get(0).equals(SigmaString.ANY)) {
            kind = Kind.SUFFIX;
            needle = t.text();
        } else if (n == 3 && p.get(0).equals(SigmaString.ANY) && p.get(2).equals(SigmaString.ANY)
                && p.get(1) instanceof SigmaString.Text t) {
            kind = Kind.CONTAINS;
            needle = t.text();
        } else {
            kind = Kind.GENERAL;
            needle = null;
        }
        general = kind == Kind.GENERAL ? new WildcardMatch(p) : null;
    }

    public SigmaString pattern() {
        return pattern;
    }

    public boolean cased() {
        return cased;
    }

    @Override
    public boolean test(String raw, String lower) {
        String v = cased ? raw : lower;
        return switch (kind) {
            case EQUALS -> v.equals(needle);
            case PREFIX -> v.startsWith(needle);
            case SUFFIX -> v.endsWith(needle);
            case CONTAINS -> v.contains(needle);
            case GENERAL -> general.matches(v);
        };
    }

    @Override
    public String requiredLiteral() {
        return folded.longestText().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return (cased ? "cased:" : "") + pattern;
    }
}
