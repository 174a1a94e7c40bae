package io.vigil.detect.compile;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives, from a predicate tree, a set of field slots of which at least one must be present (non-null) in
 * any event the rule matches. Rules without literals for the prefilter still need not run on every event:
 * a proxy rule routed to every Windows event by its category only tests {@code c-useragent}, and an event
 * without that field cannot match it. The analysis mirrors {@link Prefilter}: an AND needs what any one part
 * needs, an OR what every part needs, and a negation or an absence test needs nothing.
 */
final class RequiredFields {

    private RequiredFields() {}

    /** Slots of which one must be present, ascending; null when the rule can match without any field. */
    static List<Integer> anyOf(Predicate p) {
        Set<Integer> set = required(p);
        return set == null ? null : List.copyOf(set);
    }

    private static Set<Integer> required(Predicate p) {
        return switch (p) {
            // A value test fails on an absent field; keyword tests (slot -1) read every field.
            case Predicate.ValueMatch m -> m.slot() < 0 ? null : new TreeSet<>(List.of(m.slot()));
            case Predicate.Presence x -> x.present() ? new TreeSet<>(List.of(x.slot())) : null;
            case Predicate.SameAs s -> new TreeSet<>(List.of(s.slot()));
            case Predicate.AllOf a -> smallest(a.parts());
            case Predicate.AnyOf a -> union(a.parts());
            case Predicate.AtLeast a -> a.count() >= 1 ? union(a.parts()) : null;
            case Predicate.Constant c -> c.value() ? null : new TreeSet<>();
            case Predicate.Negation n -> null;
        };
    }

    private static Set<Integer> smallest(List<Predicate> parts) {
        Set<Integer> best = null;
        for (Predicate part : parts) {
            Set<Integer> s = required(part);
            if (s != null && (best == null || s.size() < best.size())) best = s;
        }
        return best;
    }

    private static Set<Integer> union(List<Predicate> parts) {
        Set<Integer> out = new TreeSet<>();
        for (Predicate part : parts) {
            Set<Integer> s = required(part);
            if (s == null) return null;
            out.addAll(s);
        }
        return out;
    }
}
