package io.vigil.detect.rule;

import java.util.List;

/** Everything read from a set of rule files: rules, correlations, filters, and the problems found. */
public record LoadedRules(List<SigmaRule> rules, List<CorrelationRule> correlations, List<SigmaFilter> filters,
                          List<RuleProblem> problems, int files) {

    public LoadedRules {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
    }

    /** These rules followed by {@code other}'s. */
    public LoadedRules plus(LoadedRules other) {
        return new LoadedRules(concat(rules, other.rules), concat(correlations, other.correlations),
                concat(filters, other.filters), concat(problems, other.problems), files + other.files);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
