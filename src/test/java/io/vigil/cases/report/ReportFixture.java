package io.vigil.cases.report;

import io.vigil.cases.CaseTestSupport;
import io.vigil.cases.IncidentDetail;
import io.vigil.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** An incident with evidence events (IP, domain, file hash, process, account) for report tests. */
final class ReportFixture {
    static final Organisation ORG = new Organisation("Example Hospital", "SOC on duty", "soc@example.org", "+33 1 23 45 67 89");

    static IncidentDetail incident(CaseTestSupport cases, String host) {
        String id = cases.incidentOn(host, "vss-delete").id();
        return cases.incidents().detail(id);
    }

    static Evidence.Source evidence() {
        return ids -> ids.stream().map(id -> new Event(id, 0L, Map.of("source.ip", "203.0.113.7", "dns.question.name",
                "c2.evil-example.com", "file.name", "vssadmin.exe", "file.hash.sha256",
                "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", "process.name", "vssadmin.exe",
                "user.name", "alice"))).toList();
    }

    static IncidentReports reports(AttackCatalog attack) {
        return new IncidentReports(ORG, attack, evidence(), Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
    }

    static List<Event> none() {
        return List.of();
    }
}
