package io.vigil.detect.correlate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A correlation that fired.
 *
 * @param group          group-by field → value, in the rule's order
 * @param eventIds       the events of the window that made it fire, oldest first
 * @param value          the aggregate the condition was tested on (count, distinct values, sum, average, share)
 * @param stateTruncated the engine dropped state (memory caps) since the previous match, so a window may
 *                       have been incomplete
 */
public record CorrelationMatch(Correlation correlation, Map<String, String> group, List<String> eventIds,
                               long firstTime, long lastTime, double value, boolean stateTruncated,
                               String host, String user) {

    public CorrelationMatch {
        Objects.requireNonNull(correlation, "correlation");
        group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
        eventIds = List.copyOf(eventIds);
    }
}
