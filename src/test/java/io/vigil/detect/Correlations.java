package io.vigil.detect;

import io.vigil.event.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers for correlation rules: three base rules over authentication and transfer events. */
final class Correlations {

    static final String BASE_RULES = """
            title: Failed login
            id: failed
            name: failed_login
            level: low
            logsource: {category: authentication}
            detection:
              sel: {event.outcome: failure}
              condition: sel
            ---
            title: Successful login
            id: success
            name: successful_login
            logsource: {category: authentication}
            detection:
              sel: {event.outcome: success}
              condition: sel
            ---
            title: Transfer
            id: transfer
            name: transfer
            logsource: {category: network}
            detection:
              sel: {event.action: transfer}
              condition: sel
            """;

    /** 2024-01-01T00:00:00Z */
    static final long T0 = 1_704_067_200_000L;

    private Correlations() {}

    static RuleSet compile(String correlationYaml) {
        RuleSet.Compiled c = Rules.compile(BASE_RULES + "---\n" + correlationYaml);
        if (!c.problems().isEmpty()) throw new AssertionError("rules rejected: " + c.problems());
        return c.ruleSet();
    }

    /** An event at {@code T0 + seconds}, with the given fields (alternating name, value). */
    static Event event(String id, double seconds, Object... fields) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) f.put((String) fields[i], fields[i + 1]);
        return new Event(id, T0 + Math.round(seconds * 1000), f);
    }

    static Event failed(String id, double seconds, String user, String ip) {
        return event(id, seconds, "event.outcome", "failure", "user.name", user, "source.ip", ip, "host.name", "web1");
    }

    static Event success(String id, double seconds, String user) {
        return event(id, seconds, "event.outcome", "success", "user.name", user, "host.name", "web1");
    }

    static Event transfer(String id, double seconds, String user, Object bytes) {
        return event(id, seconds, "event.action", "transfer", "user.name", user, "bytes", bytes);
    }
}
