package io.vigil.detect.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma correlation rule, kept as read: correlations are evaluated by a later component, but the
 * loader must accept them rather than reject them.
 *
 * @param correlation the {@code correlation} section as a YAML tree
 */
public record CorrelationRule(String id, String title, String level, Map<String, Object> correlation,
                              SourceLocation source) {

    public CorrelationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        correlation = Collections.unmodifiableMap(new LinkedHashMap<>(correlation));
    }
}
