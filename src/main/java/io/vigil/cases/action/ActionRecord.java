package io.vigil.cases.action;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One requested action on an incident and what became of it.
 *
 * @param targetHost the host the action is about (may be null for incident-wide notifications)
 * @param alertId    the alert whose rule triggered it, or null for a manual request
 * @param attempts   how many sends were tried
 * @param result     the last send's outcome, or why it was refused
 */
public record ActionRecord(String id, String incidentId, String actionName, String targetHost, String alertId,
                           String requestedBy, Instant requestedAt, State state, String approvedBy, int attempts,
                           String result, Instant finishedAt) {
    public ActionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(state, "state");
    }

    public enum State {
        PENDING_APPROVAL, RUNNING, SUCCEEDED, FAILED, REFUSED;

        public boolean isFinal() {
            return this == SUCCEEDED || this == FAILED || this == REFUSED;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    ActionRecord running(String approver) {
        return new ActionRecord(id, incidentId, actionName, targetHost, alertId, requestedBy, requestedAt, State.RUNNING,
                approver, attempts, result, null);
    }

    ActionRecord finished(State outcome, int tries, String detail, Instant at) {
        return new ActionRecord(id, incidentId, actionName, targetHost, alertId, requestedBy, requestedAt, outcome,
                approvedBy, tries, detail, at);
    }
}
