package io.vigil.cases;

import java.util.Map;

/**
 * Where incident work is reported for the audit log: status moves, assignments, and every containment or
 * notification action with its result. The server wires this to the audit log; tests collect calls.
 * Implementations must be thread-safe and must not throw for an unavailable log (actions run regardless).
 */
@FunctionalInterface
public interface AuditSink {
    AuditSink NONE = (actor, action, target, details) -> { };

    /**
     * @param actor   user name, or {@code system} for automatic work
     * @param action  what was done, e.g. {@code incident.status}, {@code incident.action.webhook}
     * @param target  what it was done to, e.g. the incident id
     * @param details facts worth keeping (never secrets)
     */
    void record(String actor, String action, String target, Map<String, String> details);
}
