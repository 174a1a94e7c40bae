package io.vigil.detect.correlate;

import io.vigil.detect.rule.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled correlations of a rule set, with who listens to which rule and which rules report only
 * through a correlation. Immutable and thread-safe; the state lives in {@link CorrelationEngine}.
 *
 * @param listeners rule or correlation id → the (correlation index, ref index) pairs that consume its matches
 * @param silent    ids referred to by some correlation and by none with {@code generate: true}: per the
 *                  specification they do not report on their own
 */
public record CorrelationSet(List<Correlation> correlations, Map<String, List<Listener>> listeners, Set<String> silent) {

    /** Correlation {@code correlation} consumes a rule's matches as its ref number {@code ref}. */
    public record Listener(int correlation, int ref) {}

    public static final CorrelationSet EMPTY = new CorrelationSet(List.of(), Map.of(), Set.of());

    public CorrelationSet {
        correlations = List.copyOf(correlations);
        listeners = Map.copyOf(listeners);
        silent = Set.copyOf(silent);
    }

    /** Builds the set; correlations taking part in a reference cycle are reported and left out. */
    static CorrelationSet of(List<Correlation> compiled, List<RuleProblem> problems) {
        Map<String, Correlation> byId = new HashMap<>();
        for (Correlation c : compiled) byId.put(c.id(), c);
        List<Correlation> ok = new ArrayList<>();
        for (Correlation c : compiled) {
            if (reaches(c, c.id(), byId, new HashSet<>())) {
                problems.add(RuleProblem.at(c.rule().source(), "correlation '" + c.rule().title()
                        + "' refers to itself through its rules (a cycle); remove the loop"));
            } else {
                ok.add(c);
            }
        }
        return build(ok);
    }

    private static boolean reaches(Correlation from, String target, Map<String, Correlation> byId, Set<String> seen) {
        for (String ref : from.refs()) {
            if (ref.equals(target)) return true;
            Correlation next = byId.get(ref);
            if (next != null && seen.add(ref) && reaches(next, target, byId, seen)) return true;
        }
        return false;
    }

    private static CorrelationSet build(List<Correlation> list) {
        Map<String, List<Listener>> listeners = new HashMap<>();
        Set<String> referenced = new HashSet<>();
        Set<String> generated = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Correlation c = list.get(i);
            for (int r = 0; r < c.refs().size(); r++) {
                String ref = c.refs().get(r);
                listeners.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Listener(i, r));
                referenced.add(ref);
                if (c.rule().generate()) generated.add(ref);
            }
        }
        referenced.removeAll(generated);
        Map<String, List<Listener>> frozen = new HashMap<>();
        listeners.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new CorrelationSet(list, frozen, referenced);
    }

    /** The same correlations without those whose id is in {@code disabled}. */
    public CorrelationSet without(Set<String> disabled) {
        List<Correlation> kept = correlations.stream().filter(c -> !disabled.contains(c.id())).toList();
        return kept.size() == correlations.size() ? this : build(kept);
    }

    public boolean isEmpty() {
        return correlations.isEmpty();
    }
}
