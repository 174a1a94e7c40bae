package io.vigil.detect.compile;

import io.vigil.detect.rule.SigmaRule;
import java.util.List;
import java.util.Objects;

/**
 * A rule ready to run: its predicate tree, the route keys of the events it can concern, and its prefilter:
 * clauses of literals such that an event it matches holds at least one literal of every clause (null when
 * the rule can match without any literal; an empty clause means it never matches).
 */
public record CompiledRule(SigmaRule rule, Predicate predicate, List<String> routes, List<List<Literal>> prefilter) {

    /** A lower-cased literal that must occur in a field (slot), or in any field when slot is -1. */
    public record Literal(int slot, String text) {}

    public CompiledRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(predicate, "predicate");
        routes = List.copyOf(routes);
        if (prefilter != null && prefilter.size() > Prefilter.MAX_CLAUSES) {
            throw new IllegalArgumentException("a prefilter has at most " + Prefilter.MAX_CLAUSES + " clauses, not " + prefilter.size());
        }
        prefilter = prefilter == null ? null : prefilter.stream().map(List::copyOf).toList();
    }
}
