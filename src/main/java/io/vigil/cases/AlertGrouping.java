package io.vigil.cases;

import io.vigil.alert.Alert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Places one alert into an incident under an {@link IncidentPolicy}, inside the caller's transaction.
 * The alert is claimed first (incident_alerts is keyed by alert id), so a replayed alert changes nothing.
 */
final class AlertGrouping {
    private final IncidentRepository repository;
    private final IncidentPolicy policy;

    AlertGrouping(IncidentRepository repository, IncidentPolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    /** The incident the alert joined or opened, or empty (replayed, or too low to open one). */
    Optional<Placement> place(Connection c, Alert alert, Instant now) throws SQLException {
        Severity level = Severity.ofAlertLevel(alert.level());
        Optional<Incident> target = joinable(c, alert);
        if (target.isPresent()) {
            Incident joined = target.get();
            if (!repository.claimAlert(c, alert.id(), joined.id(), now)) return Optional.empty();
            Incident updated = merge(joined, alert, level, now);
            repository.update(c, updated);
            appendAlert(c, updated.id(), alert);
            return Optional.of(new Placement(updated, alert, false));
        }
        if (!policy.opens(level)) return Optional.empty();
        String id = incidentIdFor(alert);
        if (!repository.claimAlert(c, alert.id(), id, now)) return Optional.empty();
        Incident opened = open(id, alert, level, now);
        repository.insert(c, opened);
        appendAlert(c, id, alert);
        return Optional.of(new Placement(opened, alert, true));
    }

    /** The incident id is derived from the alert that opens it, so a replay after a crash finds the same id. */
    static String incidentIdFor(Alert alert) {
        return "inc-" + alert.id().substring(0, Math.min(16, alert.id().length()));
    }

    private Optional<Incident> joinable(Connection c, Alert alert) throws SQLException {
        for (Incident candidate : repository.openSince(c, alert.eventTime().minus(policy.window()))) {
            boolean sameHost = policy.byHost() && present(alert.host()) && candidate.hosts().contains(alert.host());
            boolean sameUser = policy.byUser() && present(alert.user()) && candidate.users().contains(alert.user());
            boolean inWindow = !alert.eventTime().isBefore(candidate.firstEventTime().minus(policy.window()));
            if ((sameHost || sameUser) && inWindow) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static Incident open(String id, Alert a, Severity level, Instant now) {
        String title = a.ruleTitle() + (present(a.host()) ? " on " + a.host() : present(a.user()) ? " by " + a.user() : "");
        return new Incident(id, title, level, IncidentStatus.NEW, null, setOf(a.host()), setOf(a.user()),
                new HashSet<>(a.tags()), a.eventTime(), a.eventTime(), a.createdAt(), now, now, null);
    }

    private static Incident merge(Incident i, Alert a, Severity level, Instant now) {
        Set<String> hosts = new HashSet<>(i.hosts());
        hosts.addAll(setOf(a.host()));
        Set<String> users = new HashSet<>(i.users());
        users.addAll(setOf(a.user()));
        Set<String> tags = new HashSet<>(i.tags());
        tags.addAll(a.tags());
        return new Incident(i.id(), i.title(), Severity.max(i.severity(), level), i.status(), i.assignee(), hosts, users,
                tags, min(i.firstEventTime(), a.eventTime()), max(i.lastEventTime(), a.eventTime()),
                min(i.firstAlertAt(), a.createdAt()), i.createdAt(), now, i.milestones());
    }

    private void appendAlert(Connection c, String incidentId, Alert a) throws SQLException {
        String where = (present(a.host()) ? " host " + a.host() : "") + (present(a.user()) ? " user " + a.user() : "");
        repository.append(c, incidentId, new TimelineEntry(0, a.eventTime(), TimelineEntry.Kind.EVENT, "system",
                a.eventIds().size() + " event(s) matched rule " + a.ruleId() + where, a.eventIds()));
        List<String> refs = new ArrayList<>();
        refs.add(a.id());
        repository.append(c, incidentId, new TimelineEntry(0, a.createdAt(), TimelineEntry.Kind.ALERT, "system",
                a.level() + " alert: " + a.ruleTitle() + where, refs));
    }

    private static Set<String> setOf(String value) {
        return present(value) ? Set.of(value) : Set.of();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
