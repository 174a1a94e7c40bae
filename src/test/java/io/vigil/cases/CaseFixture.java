package io.vigil.cases;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import io.vigil.meta.MetaDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A metadata database with the alert and incident repositories, and alerts made to order. */
final class CaseFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    final MetaDatabase db;
    final AlertRepository alerts;
    final IncidentRepository repository;
    final List<String> audited = new ArrayList<>();
    final AuditSink audit = (actor, action, target, details) -> {
        synchronized (audited) {
            audited.add(actor + " " + action + " " + target + " " + details);
        }
    };
    final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    CaseFixture(Path dir) {
        db = MetaDatabase.open(dir);
        alerts = new AlertRepository(db, clock);
        repository = new IncidentRepository(db);
    }

    Incidents incidents(IncidentPolicy policy) {
        return new Incidents(repository, alerts, policy, audit, clock);
    }

    /** An alert stored in the alert table, as DetectionStage would store it. */
    Alert alert(String rule, String level, String host, String user, Instant eventTime) {
        List<String> events = List.of("ev-" + rule + "-" + host + "-" + eventTime.toEpochMilli());
        Alert a = new Alert(Alert.idFor(rule, events), rule, "Rule " + rule, level, List.of("attack.t1490", "attack.impact"),
                events, host, user, eventTime, eventTime.plusSeconds(5), null, Map.of());
        alerts.saveNew(List.of(a));
        return a;
    }

    @Override
    public void close() {
        db.close();
    }
}
