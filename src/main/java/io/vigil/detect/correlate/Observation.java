package io.vigil.detect.correlate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One input to the correlation engine: a rule (or an inner correlation) matched at {@code time}.
 *
 * @param ruleId   the id of the rule or correlation that matched
 * @param time     event time in epoch milliseconds
 * @param eventIds the events behind the match (one for a rule, several for an inner correlation)
 * @param field    reads a field by its Sigma name (null when absent)
 * @param host     the host the match concerns, or null
 * @param user     the user the match concerns, or null
 */
public record Observation(String ruleId, long time, List<String> eventIds, Function<String, String> field,
                          String host, String user) {

    public Observation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(field, "field");
        eventIds = List.copyOf(eventIds);
    }
}
