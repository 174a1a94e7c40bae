package io.vigil.detect.compile;

import io.vigil.detect.value.ValueTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives, from a predicate tree, a set of (field, literal) pairs of which at least one must occur
 * (lower-cased substring) in any event the rule matches. Rules with such a set are only evaluated when an
 * Aho-Corasick pass over the event's fields finds one of their literals.
 */
final class Prefilter {

    /** Literals shorter than this are too common to select rules usefully. */
    static final int MIN_LITERAL = 3;

    private Prefilter() {}

    /** The required literals, or null when the rule can match without any. */
    static List<CompiledRule.Literal> requiredLiterals(Predicate p) {
        Set<CompiledRule.Literal> set = required(p);
        return set == null ? null : List.copyOf(set);
    }

    private static Set<CompiledRule.Literal> required(Predicate p) {
        return switch (p) {
            case Predicate.ValueMatch m -> valueMatch(m);
            case Predicate.AllOf a -> best(a.parts());
            case Predicate.AnyOf a -> union(a.parts());
            case Predicate.AtLeast a -> union(a.parts());
            case Predicate.Constant c -> c.value() ? null : new LinkedHashSet<>();
            case Predicate.Negation n -> null;
            case Predicate.Presence x -> null;
            case Predicate.SameAs s -> null;
        };
    }

    private static Set<CompiledRule.Literal> valueMatch(Predicate.ValueMatch m) {
        Set<CompiledRule.Literal> out = new LinkedHashSet<>();
        for (ValueTest t : m.alternatives()) {
            String lit = t.requiredLiteral();
            if (lit.length() < MIN_LITERAL) return null;
            out.add(new CompiledRule.Literal(m.slot(), lit));
        }
        return out;
    }

    /** Of an AND, the child whose literal set is most selective: fewest literals, then longest shortest literal. */
    private static Set<CompiledRule.Literal> best(List<Predicate> parts) {
        Set<CompiledRule.Literal> best = null;
        for (Predicate part : parts) {
            Set<CompiledRule.Literal> s = required(part);
            if (s != null && (best == null || better(s, best))) best = s;
        }
        return best;
    }

    private static boolean better(Set<CompiledRule.Literal> a, Set<CompiledRule.Literal> b) {
        if (a.size() != b.size()) return a.size() < b.size();
        return shortest(a) > shortest(b);
    }

    private static int shortest(Set<CompiledRule.Literal> s) {
        return s.stream().mapToInt(l -> l.text().length()).min().orElse(Integer.MAX_VALUE);
    }

    private static Set<CompiledRule.Literal> union(List<Predicate> parts) {
        Set<CompiledRule.Literal> out = new LinkedHashSet<>();
        for (Predicate part : parts) {
            Set<CompiledRule.Literal> s = required(part);
            if (s == null) return null;
            out.addAll(s);
        }
        return out;
    }

    static List<String> texts(List<CompiledRule.Literal> literals) {
        List<String> out = new ArrayList<>();
        for (CompiledRule.Literal l : literals) out.add(l.text());
        return out;
    }
}
