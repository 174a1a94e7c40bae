package io.vigil.detect.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma correlation rule as read: the {@code correlation} section stays a YAML tree; its meaning (type,
 * group-by, timespan, condition, aliases) is checked when the rule set is compiled
 * ({@code io.vigil.detect.correlate.CorrelationCompiler}).
 *
 * @param name        the optional {@code name} other correlations may refer to (null when absent)
 * @param generate    {@code generate: true}: the rules it refers to also report on their own
 * @param correlation the {@code correlation} section as a YAML tree
 */
public record CorrelationRule(String id, String name, String title, String level, List<String> tags,
                              boolean generate, Map<String, Object> correlation, SourceLocation source) {

    public CorrelationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        correlation = Collections.unmodifiableMap(new LinkedHashMap<>(correlation));
    }
}
