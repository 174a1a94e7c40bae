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
}
