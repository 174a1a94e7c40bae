package io.vigil.detect.compile;

import io.vigil.detect.rule.SigmaRule;
import java.util.List;
import java.util.Objects;

/**
 * A rule ready to run: its predicate tree, the route keys of the events it can concern, and the literals
 * of which at least one must occur in an event for it to match (null when no such set exists).
 */
public record CompiledRule(SigmaRule rule, Predicate predicate, List<String> routes, List<Literal> prefilter) {

    /** A lower-cased literal that must occur in a field (slot), or in any field when slot is -1. */
    public record Literal(int slot, String text) {}

    public CompiledRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(predicate, "predicate");
        routes = List.copyOf(routes);
        prefilter = prefilter == null ? null : List.copyOf(prefilter);
    }
}
