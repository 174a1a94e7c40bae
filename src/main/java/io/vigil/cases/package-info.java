/**
 * Stage 8: incidents built from alerts: grouping, lifecycle, timeline; actions in {@code cases.action},
 * exports in {@code cases.report}.
 *
 * <p>Flow: {@code DetectionStage} hands freshly stored alerts to {@link io.vigil.cases.Incidents#onNewAlerts};
 * {@link io.vigil.cases.AlertGrouping} joins each to the most recently active open incident sharing its host
 * or user within the {@link io.vigil.cases.IncidentPolicy} window, or opens one. Analysts then move the
 * incident through {@link io.vigil.cases.IncidentStatus} (moves checked by {@code canMoveTo}), assign it
 * and comment; every change is a {@link io.vigil.cases.TimelineEntry} and an {@link io.vigil.cases.AuditSink} call.
 *
 * <p>Invariants: an alert belongs to at most one incident, ever (incident_alerts is keyed by alert id, and an
 * incident's id derives from its opening alert), so replaying the journal changes nothing; closed and
 * false-positive incidents never change again; severity is the maximum level of the incident's alerts.
 *
 * <p>Thread-safety: {@link io.vigil.cases.Incidents} serialises grouping and changes on itself; repositories
 * use one connection per call. Read {@link io.vigil.cases.Incidents} first.
 */
package io.vigil.cases;
