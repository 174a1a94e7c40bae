package io.vigil.detect.compile;

import io.vigil.detect.value.ValueTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives, from a predicate tree, up to {@link #MAX_CLAUSES} clauses of (field, literal) pairs such that any
 * event the rule matches contains (lower-cased substring) at least one literal of every clause. Rules with
 * clauses are only evaluated when an Aho-Corasick pass over the event's fields finds a literal of each.
 *
 * <p>Why several clauses: the literal of one part of an AND is often common — {@code TargetImage} ending in
 * {@code \lsass.exe}, a {@code CallTrace} containing {@code \system32\ntdll.dll+} — while another part's is
 * rare ({@code _ctypes.pyd+}); with one clause the rule would run on every event with the common literal.
 */
final class Prefilter {

    /** Literals shorter than this are too common to select rules usefully. */
    static final int MIN_LITERAL = 3;
    /** At most this many clauses per rule: each costs a bit per rule in every event's scan. */
    static final int MAX_CLAUSES = 3;

    /** Most selective first: fewest literals, then the longest shortest literal. */
    private static final Comparator<Set<CompiledRule.Literal>> SELECTIVE = Comparator
            .<Set<CompiledRule.Literal>>comparingInt(Set::size)
            .thenComparing(Comparator.comparingInt(Prefilter::shortest).reversed());

    private Prefilter() {}

    /** The required clauses (each a list of literals; an empty clause means the rule never matches), or null. */
    static List<List<CompiledRule.Literal>> requiredLiterals(Predicate p) {
        List<Set<CompiledRule.Literal>> clauses = required(p);
        return clauses == null ? null : clauses.stream().map(List::copyOf).toList();
    }

    /** Clauses, most selective first; null when the rule can match without any literal. */
    private static List<Set<CompiledRule.Literal>> required(Predicate p) {
        return switch (p) {
            case Predicate.ValueMatch m -> single(valueMatch(m));
            case Predicate.AllOf a -> conjunction(a.parts());
            case Predicate.AnyOf a -> single(union(a.parts()));
            case Predicate.AtLeast a -> a.count() >= 1 ? single(union(a.parts())) : null;
            case Predicate.Constant c -> c.value() ? null : List.of(new LinkedHashSet<>());
            case Predicate.Negation n -> null;
            case Predicate.Presence x -> null;
            case Predicate.SameAs s -> null;
        };
    }

    private static List<Set<CompiledRule.Literal>> single(Set<CompiledRule.Literal> clause) {
        return clause == null ? null : List.of(clause);
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

    /** Of an AND, every part's clauses hold: the most selective distinct ones are kept. */
    private static List<Set<CompiledRule.Literal>> conjunction(List<Predicate> parts) {
        List<Set<CompiledRule.Literal>> all = new ArrayList<>();
        for (Predicate part : parts) {
            List<Set<CompiledRule.Literal>> s = required(part);
            if (s != null) for (Set<CompiledRule.Literal> clause : s) if (!all.contains(clause)) all.add(clause);
        }
        if (all.isEmpty()) return null;
        all.sort(SELECTIVE);
        return List.copyOf(all.subList(0, Math.min(MAX_CLAUSES, all.size())));
    }

    /** Of an OR, one clause: each part's most selective clause, joined. */
    private static Set<CompiledRule.Literal> union(List<Predicate> parts) {
        Set<CompiledRule.Literal> out = new LinkedHashSet<>();
        for (Predicate part : parts) {
            List<Set<CompiledRule.Literal>> s = required(part);
            if (s == null) return null;
            out.addAll(s.get(0));
        }
        return out;
    }

    private static int shortest(Set<CompiledRule.Literal> s) {
        return s.stream().mapToInt(l -> l.text().length()).min().orElse(Integer.MAX_VALUE);
    }
}
