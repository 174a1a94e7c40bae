package io.vigil.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an incident is in response, following the NIST SP 800-61 phases:
 * new → triaged → contained → eradicated → recovered → closed. An incident that turns out to be nothing
 * can be closed as a false positive while it is still new or triaged; after containment it cannot, because
 * something was done about it and the record must say what.
 */
public enum IncidentStatus {
    NEW, TRIAGED, CONTAINED, ERADICATED, RECOVERED, CLOSED, FALSE_POSITIVE;

    /** Whether an analyst may move an incident from this status to {@code next}. */
    public boolean canMoveTo(IncidentStatus next) {
        return switch (this) {
            case NEW -> next == TRIAGED || next == FALSE_POSITIVE;
            case TRIAGED -> next == CONTAINED || next == FALSE_POSITIVE;
            case CONTAINED -> next == ERADICATED;
            case ERADICATED -> next == RECOVERED;
            case RECOVERED -> next == CLOSED;
            case CLOSED, FALSE_POSITIVE -> false;
        };
    }

    /** The statuses {@link #canMoveTo} allows from here, in lifecycle order (empty when final). */
    public List<IncidentStatus> allowedMoves() {
        return Arrays.stream(values()).filter(this::canMoveTo).toList();
    }

    /** Open incidents still collect new alerts; closed and false-positive ones never change again. */
    public boolean isOpen() {
        return this != CLOSED && this != FALSE_POSITIVE;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus parse(String text) {
        for (IncidentStatus s : values()) {
            if (s.wire().equalsIgnoreCase(text == null ? "" : text.strip())) return s;
        }
        throw new IllegalArgumentException("unknown incident status '" + text + "'; expected one of "
                + Arrays.stream(values()).map(IncidentStatus::wire).toList());
    }
}
