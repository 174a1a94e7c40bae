package io.vigil.cases;

import java.time.Duration;
import java.util.Objects;

/**
 * How alerts are grouped into incidents. An alert joins the most recently active open incident that shares
 * its host (when {@code byHost}) or its user (when {@code byUser}) and whose last alert is no older than
 * {@code window}; otherwise it opens a new incident if its level is at least {@code minLevelToOpen}. Alerts
 * below that level only join existing incidents. A critical alert always opens or joins one.
 *
 * @param window         how long an incident stays joinable after its latest alert (event time)
 * @param minLevelToOpen the lowest alert level that opens an incident on its own
 */
public record IncidentPolicy(Duration window, boolean byHost, boolean byUser, Severity minLevelToOpen) {
    public static final IncidentPolicy DEFAULTS = new IncidentPolicy(Duration.ofMinutes(30), true, true, Severity.LOW);

    public IncidentPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(minLevelToOpen, "minLevelToOpen");
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("incidents.window_minutes must be 1..10080 (7 days), got " + window.toMinutes());
        }
    }

    /** From configuration values: {@code window_minutes}, {@code by_host}, {@code by_user}, {@code min_level_to_open}. */
    public static IncidentPolicy of(long windowMinutes, boolean byHost, boolean byUser, String minLevelToOpen) {
        return new IncidentPolicy(Duration.ofMinutes(windowMinutes), byHost, byUser, Severity.parse(minLevelToOpen));
    }

    /** Whether an alert of this level may open an incident when none is there to join. */
    public boolean opens(Severity level) {
        return level == Severity.CRITICAL || level.atLeast(minLevelToOpen);
    }
}
