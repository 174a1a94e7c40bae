package io.vigil.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An incident: alerts that belong together, with who owns it and how far response has got.
 *
 * @param severity       the highest level among its alerts
 * @param hosts          affected hosts (sorted)
 * @param users          affected accounts (sorted)
 * @param tags           the union of its alerts' tags (ATT&CK ids for reports)
 * @param firstEventTime time of the earliest event behind any of its alerts
 * @param lastEventTime  time of the latest such event (the grouping window is measured from here)
 * @param firstAlertAt   when the first alert was created (the moment of detection)
 */
public record Incident(String id, String title, Severity severity, IncidentStatus status, String assignee,
                       Set<String> hosts, Set<String> users, Set<String> tags, Instant firstEventTime,
                       Instant lastEventTime, Instant firstAlertAt, Instant createdAt, Instant updatedAt,
                       Milestones milestones) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        hosts = sorted(hosts);
        users = sorted(users);
        tags = sorted(tags);
        Objects.requireNonNull(firstEventTime, "firstEventTime");
        Objects.requireNonNull(lastEventTime, "lastEventTime");
        Objects.requireNonNull(firstAlertAt, "firstAlertAt");
        milestones = milestones == null ? Milestones.NONE : milestones;
    }

    /** When response reached containment, recovery and closure (null until it did). */
    public record Milestones(Instant containedAt, Instant recoveredAt, Instant closedAt) {
        public static final Milestones NONE = new Milestones(null, null, null);
    }

    /** Time to detect: first alert created − first event. */
    public Duration timeToDetect() {
        Duration d = Duration.between(firstEventTime, firstAlertAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Time to contain: contained − first alert, once contained. */
    public Optional<Duration> timeToContain() {
        return Optional.ofNullable(milestones.containedAt()).map(t -> Duration.between(firstAlertAt, t));
    }

    /** Time to recover: recovered − first alert, once recovered. */
    public Optional<Duration> timeToRecover() {
        return Optional.ofNullable(milestones.recoveredAt()).map(t -> Duration.between(firstAlertAt, t));
    }

    private static Set<String> sorted(Set<String> values) {
        TreeSet<String> out = new TreeSet<>();
        if (values != null) values.stream().filter(v -> v != null && !v.isBlank()).forEach(out::add);
        return java.util.Collections.unmodifiableSortedSet(out);
    }
}
