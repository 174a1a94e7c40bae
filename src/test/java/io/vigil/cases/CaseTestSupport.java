package io.vigil.cases;

import io.vigil.alert.Alert;
import io.vigil.cases.action.ActionRepository;
import io.vigil.cases.action.ActionsConfig;
import io.vigil.cases.action.Containment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** For tests outside this package: incidents made from stored alerts, and a Containment over them. */
public final class CaseTestSupport implements AutoCloseable {
    private final CaseFixture f;
    private final Incidents incidents;
    public final List<String> audited;
    public List<Placement> lastPlacements = List.of();

    public CaseTestSupport(Path dir) {
        f = new CaseFixture(dir);
        incidents = f.incidents(IncidentPolicy.DEFAULTS);
        audited = f.audited;
    }

    /** A new incident from one high alert of {@code rule} on {@code host} (user alice). */
    public Incident incidentOn(String host, String rule) {
        Alert a = f.alert(rule, "high", host, "alice", CaseFixture.T0);
        lastPlacements = incidents.onNewAlerts(List.of(a));
        return lastPlacements.get(0).incident();
    }

    public Incidents incidents() {
        return incidents;
    }

    public Alert alert(String rule, String level, String host, String user, java.time.Instant t) {
        return f.alert(rule, level, host, user, t);
    }

    public List<Alert> alertsOf(String incidentId) {
        return incidents.detail(incidentId).alerts();
    }

    public List<TimelineEntry> timeline(String incidentId) {
        return f.repository.timeline(incidentId);
    }

    public Containment containment(ActionsConfig config) {
        return new Containment(config, new Containment.Stores(f.repository, new ActionRepository(f.db), f.alerts), f.audit,
                Clock.systemUTC());
    }

    public Optional<Incident> get(String id) {
        return incidents.get(id);
    }

    @Override
    public void close() {
        f.close();
    }
}
