package io.vigil.detect.rule;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma filter (spec v2.1 "filters"): a detection whose condition (written as the exclusion,
 * e.g. {@code not selection}) is AND-ed onto every rule it names, provided
 * the rule's log source matches the filter's.
 *
 * @param ruleRefs ids (or names) of the rules the filter applies to
 */
public record SigmaFilter(String id, String title, LogSource logsource, List<String> ruleRefs,
                          Detection detection, SourceLocation source) {

    public SigmaFilter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(logsource, "logsource");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(source, "source");
        ruleRefs = List.copyOf(ruleRefs);
    }
}
