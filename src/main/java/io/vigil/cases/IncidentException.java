package io.vigil.cases;

import java.util.List;

/** Why an incident operation was refused; the web layer maps each kind onto a status code. */
public abstract sealed class IncidentException extends RuntimeException {
    private IncidentException(String message) {
        super(message, null, false, false);
    }

    /** No incident (or action) with that id: 404. */
    public static final class NotFound extends IncidentException {
        public NotFound(String what) {
            super("no " + what);
        }
    }

    /** A status move the lifecycle does not allow: 409, with the moves that are allowed. */
    public static final class IllegalMove extends IncidentException {
        private final transient List<IncidentStatus> allowed;

        public IllegalMove(IncidentStatus from, IncidentStatus to) {
            super("an incident that is " + from.wire() + " cannot move to " + to.wire() + "; allowed: "
                    + (from.allowedMoves().isEmpty() ? "none (final status)" : from.allowedMoves().stream().map(IncidentStatus::wire).toList()));
            this.allowed = from.allowedMoves();
        }

        public List<IncidentStatus> allowed() {
            return allowed;
        }
    }

    /** The request conflicts with the incident's or action's state (e.g. approving your own request): 409. */
    public static final class Conflict extends IncidentException {
        public Conflict(String message) {
            super(message);
        }
    }
}
