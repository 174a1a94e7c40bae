package io.vigil.detect.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's {@code detection} section as read: named search identifiers (still YAML trees of maps, lists
 * and scalars, interpreted by the compiler), the condition strings (several are OR-ed) and the source
 * line of every key so that a compile error can point at the exact line.
 *
 * @param identifiers search identifier name to its YAML value, in file order
 * @param conditions  condition expressions; more than one means any of them
 * @param keyLines    line of each key by path, e.g. {@code "selection/Image|endswith"} or {@code "sel/0/Image"}
 */
public record Detection(Map<String, Object> identifiers, List<String> conditions, Map<String, Integer> keyLines) {

    public Detection {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        conditions = List.copyOf(conditions);
        keyLines = Map.copyOf(keyLines);
        if (conditions.isEmpty()) throw new IllegalArgumentException("detection needs a condition");
    }

    /** The line of the key at {@code path}, or {@code fallback}. */
    public int lineOf(String path, int fallback) {
        Objects.requireNonNull(path, "path");
        return keyLines.getOrDefault(path, fallback);
    }
}
