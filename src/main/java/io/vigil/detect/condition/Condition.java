package io.vigil.detect.condition;

import java.util.List;
import java.util.Objects;

/** The parsed form of a Sigma {@code condition} expression. */
public sealed interface Condition {

    /** A reference to one search identifier of the rule's detection. */
    record Identifier(String name) implements Condition {
        public Identifier {
            Objects.requireNonNull(name, "name");
        }
    }

    record And(List<Condition> all) implements Condition {
        public And {
            all = List.copyOf(all);
        }
    }

    record Or(List<Condition> any) implements Condition {
        public Or {
            any = List.copyOf(any);
        }
    }

    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * {@code 1 of sel*}, {@code any of them}, {@code all of filter_*}: the identifiers whose name matches
     * {@code pattern} ({@code *} wildcard, or {@code them} for every identifier not starting with {@code _}).
     *
     * @param atLeast how many must be true; {@link #ALL} for all of them
     */
    record Quantified(int atLeast, String pattern) implements Condition {
        public static final int ALL = -1;

        public Quantified {
            Objects.requireNonNull(pattern, "pattern");
            if (atLeast == 0 || atLeast < ALL) throw new IllegalArgumentException("quantity must be >= 1 or ALL");
        }

        public boolean isAll() {
            return atLeast == ALL;
        }

        /** True when an identifier is selected, as pySigma: full match, `_`-names only for `_` patterns. */
        public boolean selects(String identifier) {
            if (identifier.startsWith("_") && !pattern.startsWith("_")) return false;
            if (pattern.equals("them")) return true;
            return globMatches(pattern, 0, identifier, 0);
        }

        private static boolean globMatches(String p, int pi, String s, int si) {
            if (pi == p.length()) return si == s.length();
            if (p.charAt(pi) == '*') {
                for (int k = si; k <= s.length(); k++) if (globMatches(p, pi + 1, s, k)) return true;
                return false;
            }
            return si < s.length() && p.charAt(pi) == s.charAt(si) && globMatches(p, pi + 1, s, si + 1);
        }
    }
}
