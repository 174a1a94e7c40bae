package io.vigil.detect.rule;

import java.util.List;
import java.util.Objects;

/**
 * One Sigma detection rule as read from YAML (not yet compiled).
 *
 * @param id     the rule's {@code id}; a synthetic {@code file#n} id when the file has none
 * @param name   the rule's optional {@code name}, by which correlation rules may refer to it (null when absent)
 * @param source file and line of the rule's document (or of its {@code detection} key)
 */
public record SigmaRule(
        String id,
        String name,
        String title,
        String level,
        String status,
        List<String> tags,
        LogSource logsource,
        Detection detection,
        List<String> falsepositives,
        List<String> fields,
        SourceLocation source) {

    public SigmaRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(logsource, "logsource");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        falsepositives = List.copyOf(falsepositives);
        fields = List.copyOf(fields);
    }
}
