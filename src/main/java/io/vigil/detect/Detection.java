package io.vigil.detect;

import io.vigil.detect.correlate.CorrelationMatch;
import java.util.List;
import java.util.Objects;

/**
 * What detection hands to the alert stage: a rule or a correlation that fired.
 *
 * @param eventIds    the event that matched, or for a correlation the events of its window (oldest first)
 * @param host        the host concerned, or null when unknown
 * @param user        the user concerned, or null when unknown
 * @param time        event time (epoch ms): the matching event's, or a correlation's last event's
 * @param correlation the correlation's details (type, group values, first/last time, truncation), or null
 *                    for a single-event rule
 */
public record Detection(String ruleId, String ruleTitle, String level, List<String> tags, List<String> eventIds,
                        String host, String user, long time, CorrelationMatch correlation) {

    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(ruleTitle, "ruleTitle");
        level = level == null ? "medium" : level;
        tags = List.copyOf(tags);
        eventIds = List.copyOf(eventIds);
    }

    static Detection of(Match m) {
        return new Detection(m.rule().id(), m.rule().title(), m.rule().level(), m.rule().tags(),
                List.of(m.event().id()), FieldReader.host(m.event()), FieldReader.user(m.event()),
                m.event().timestamp(), null);
    }

    static Detection of(CorrelationMatch m) {
        var rule = m.correlation().rule();
        return new Detection(rule.id(), rule.title(), rule.level(), rule.tags(), m.eventIds(), m.host(), m.user(),
                m.lastTime(), m);
    }

    public boolean isCorrelation() {
        return correlation != null;
    }
}
