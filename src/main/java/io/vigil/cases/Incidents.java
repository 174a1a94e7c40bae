package io.vigil.cases;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident desk: groups new alerts into incidents and applies analysts' changes (status, assignee,
 * comments), each recorded on the incident's timeline and reported to the {@link AuditSink}.
 * Thread-safe: grouping and changes are serialised on this object (they are rare compared with events),
 * so two alerts for the same host arriving together cannot open two incidents.
 */
public final class Incidents {
    public static final String SYSTEM = "system";

    private final IncidentRepository repository;
    private final AlertRepository alerts;
    private final AlertGrouping grouping;
    private final AuditSink audit;
    private final Clock clock;

    public Incidents(IncidentRepository repository, AlertRepository alerts, IncidentPolicy policy, AuditSink audit,
                     Clock clock) {
        this.repository = repository;
        this.alerts = alerts;
        this.grouping = new AlertGrouping(repository, policy);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Groups freshly raised alerts (DetectionStage's {@code onNewAlerts}). Alerts already in an incident are
     * skipped, so calling this again with the same alerts changes nothing.
     *
     * @return where each alert went (alerts that joined or opened nothing are left out)
     */
    public synchronized List<Placement> onNewAlerts(List<Alert> fresh) {
        List<Alert> ordered = new ArrayList<>(fresh);
        ordered.sort(java.util.Comparator.comparing(Alert::eventTime).thenComparing(Alert::id));
        Instant now = clock.instant();
        return repository.inTransaction(c -> {
            List<Placement> out = new ArrayList<>();
            for (Alert a : ordered) grouping.place(c, a, now).ifPresent(out::add);
            return out;
        });
    }

    public Optional<Incident> get(String id) {
        return repository.get(id);
    }

    public Incident require(String id) {
        return repository.get(id).orElseThrow(() -> new IncidentException.NotFound("incident " + id));
    }

    public List<Incident> find(IncidentFilter filter) {
        return repository.find(filter);
    }

    /** The incident with its alerts (by event time) and timeline. */
    public IncidentDetail detail(String id) {
        Incident incident = require(id);
        List<Alert> members = repository.alertIds(id).stream().map(alerts::get).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(Alert::eventTime).thenComparing(Alert::id)).toList();
        return new IncidentDetail(incident, members, repository.timeline(id));
    }

    /** Moves the incident to {@code next}; an illegal move throws {@link IncidentException.IllegalMove}. */
    public synchronized Incident move(String id, IncidentStatus next, String actor, String note) {
        Instant now = clock.instant();
        Incident moved = repository.inTransaction(c -> {
            Incident i = repository.get(c, id).orElseThrow(() -> new IncidentException.NotFound("incident " + id));
            if (!i.status().canMoveTo(next)) throw new IncidentException.IllegalMove(i.status(), next);
            Incident updated = withStatus(i, next, now);
            repository.update(c, updated);
            String text = "status " + i.status().wire() + " → " + next.wire() + (blank(note) ? "" : ": " + note);
            repository.append(c, id, new TimelineEntry(0, now, TimelineEntry.Kind.STATUS, actor, text, List.of()));
            return updated;
        });
        audit.record(actor, "incident.status", id, Map.of("status", next.wire(), "note", blank(note) ? "" : note));
        return moved;
    }

    public synchronized Incident assign(String id, String assignee, String actor) {
        Instant now = clock.instant();
        Incident assigned = repository.inTransaction(c -> {
            Incident i = repository.get(c, id).orElseThrow(() -> new IncidentException.NotFound("incident " + id));
            Incident updated = new Incident(i.id(), i.title(), i.severity(), i.status(), blank(assignee) ? null : assignee,
                    i.hosts(), i.users(), i.tags(), i.firstEventTime(), i.lastEventTime(), i.firstAlertAt(), i.createdAt(),
                    now, i.milestones());
            repository.update(c, updated);
            repository.append(c, id, new TimelineEntry(0, now, TimelineEntry.Kind.ASSIGNMENT, actor,
                    blank(assignee) ? "unassigned" : "assigned to " + assignee, List.of()));
            return updated;
        });
        audit.record(actor, "incident.assign", id, Map.of("assignee", blank(assignee) ? "" : assignee));
        return assigned;
    }

    public TimelineEntry comment(String id, String text, String actor) {
        if (blank(text)) throw new IllegalArgumentException("a comment needs text");
        require(id);
        TimelineEntry entry = new TimelineEntry(0, clock.instant(), TimelineEntry.Kind.COMMENT, actor, text, List.of());
        repository.append(id, entry);
        return entry;
    }

    private static Incident withStatus(Incident i, IncidentStatus next, Instant now) {
        Incident.Milestones m = i.milestones();
        Incident.Milestones updated = new Incident.Milestones(
                next == IncidentStatus.CONTAINED ? now : m.containedAt(),
                next == IncidentStatus.RECOVERED ? now : m.recoveredAt(),
                next.isOpen() ? m.closedAt() : now);
        return new Incident(i.id(), i.title(), i.severity(), next, i.assignee(), i.hosts(), i.users(), i.tags(),
                i.firstEventTime(), i.lastEventTime(), i.firstAlertAt(), i.createdAt(), now, updated);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
