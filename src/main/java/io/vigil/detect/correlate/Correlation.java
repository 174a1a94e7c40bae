package io.vigil.detect.correlate;

import io.vigil.detect.rule.CorrelationRule;
import java.util.List;
import java.util.Objects;

/**
 * A compiled correlation rule.
 *
 * @param refs        the rule ids (names resolved) it correlates, in rule order (the order matters for
 *                    {@code temporal_ordered})
 * @param groupFields per ref, the event field read for each {@code group-by} entry (aliases resolved)
 * @param valueFields per ref, the field(s) {@code condition.field} names (aliases resolved); empty when unused
 * @param timespanMillis the window length
 * @param threshold   the condition; for temporal types without one, "all referenced rules"
 */
public record Correlation(CorrelationRule rule, CorrelationType type, List<String> refs, List<String> groupBy,
                          List<List<String>> groupFields, List<List<String>> valueFields, long timespanMillis,
                          Threshold threshold) {

    public Correlation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(threshold, "threshold");
        refs = List.copyOf(refs);
        groupBy = List.copyOf(groupBy);
        groupFields = groupFields.stream().map(List::copyOf).toList();
        valueFields = valueFields.stream().map(List::copyOf).toList();
        if (refs.isEmpty()) throw new IllegalArgumentException("a correlation needs at least one rule");
        if (timespanMillis <= 0) throw new IllegalArgumentException("timespan must be positive");
        if (groupFields.size() != refs.size() || valueFields.size() != refs.size()) {
            throw new IllegalArgumentException("groupFields and valueFields need one entry per ref");
        }
    }

    public String id() {
        return rule.id();
    }
}
