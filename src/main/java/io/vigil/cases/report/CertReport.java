package io.vigil.cases.report;

import io.vigil.alert.Alert;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentDetail;
import io.vigil.cases.action.ActionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The content of an incident report in the shape national CERTs ask for (organisation and contact,
 * detection time, incident type, affected systems and services, data at risk, actions taken, current
 * status, indicators, timeline), as plain sections of rows, so the HTML and PDF renderers show the same.
 */
record CertReport(String title, List<Section> sections) {
    /** A titled block; {@code header} is empty for field/value blocks. All text is raw (renderers escape). */
    record Section(String title, List<String> header, List<List<String>> rows) {
        Section {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    static CertReport of(IncidentDetail d, List<ActionRecord> actions, Evidence e, Organisation org, AttackCatalog attack) {
        Incident i = d.incident();
        List<Section> s = new ArrayList<>();
        s.add(fields("Reporting organisation", "Organisation", org.name(), "Contact", org.contactName(),
                "E-mail", org.contactEmail(), "Telephone", org.contactPhone()));
        s.add(fields("Incident", "Incident id", i.id(), "Title", i.title(), "Incident type", type(i),
                "Severity", i.severity().wire(), "Current status", i.status().wire(),
                "Assignee", i.assignee() == null ? "unassigned" : i.assignee(),
                "First malicious activity", i.firstEventTime().toString(), "Detected at", i.firstAlertAt().toString(),
                "Time to detect", human(i.timeToDetect()),
                "Time to contain", i.timeToContain().map(CertReport::human).orElse("not contained yet"),
                "Time to recover", i.timeToRecover().map(CertReport::human).orElse("not recovered yet")));
        s.add(fields("Affected systems and services", "Hosts", join(i.hosts()), "Accounts", join(i.users()),
                "Detections", d.alerts().stream().map(Alert::ruleTitle).distinct().toList().toString()));
        s.add(fields("Data at risk", "Assessment", dataAtRisk(i)));
        s.add(new Section("Actions taken", List.of("Requested", "Action", "Host", "State", "By", "Result"),
                actions.stream().map(a -> List.of(a.requestedAt().toString(), a.actionName(), nz(a.targetHost()),
                        a.state().wire(), a.approvedBy() == null ? a.requestedBy() : a.requestedBy() + " / " + a.approvedBy(),
                        nz(a.result()))).toList()));
        s.add(new Section("Indicators", List.of("Type", "Value"), indicators(i, e, attack)));
        s.add(new Section("Timeline", List.of("Time", "Kind", "Actor", "What"),
                d.timeline().stream().map(t -> List.of(t.time().toString(), t.kind().wire(), t.actor(), t.text())).toList()));
        return new CertReport("Incident report " + i.id(), s);
    }

    private static List<List<String>> indicators(Incident i, Evidence e, AttackCatalog attack) {
        List<List<String>> rows = new ArrayList<>();
        e.ipv4().forEach(v -> rows.add(List.of("IPv4 address", v)));
        e.domains().forEach(v -> rows.add(List.of("Domain", v)));
        e.files().values().forEach(f -> {
            if (f.name() != null) rows.add(List.of("File name", f.name()));
            f.hashes().forEach((alg, h) -> rows.add(List.of("File " + alg, h)));
        });
        e.processes().forEach(v -> rows.add(List.of("Process", v)));
        i.tags().stream().map(AttackCatalog::techniqueOf).flatMap(java.util.Optional::stream).distinct()
                .forEach(t -> rows.add(List.of("ATT&CK technique", t + " " + attack.name(t))));
        i.hosts().forEach(h -> rows.add(List.of("Host", h)));
        return rows;
    }

    /** A coarse incident type from ATT&CK tags, as the CERT forms' taxonomy asks. */
    static String type(Incident i) {
        Set<String> t = i.tags();
        if (t.contains("attack.t1486") || t.contains("attack.t1490")) return "Ransomware / destructive malware (impact)";
        if (t.contains("attack.credential_access") || t.contains("attack.credential-access")) return "Credential compromise";
        if (t.contains("attack.exfiltration")) return "Data exfiltration";
        if (t.contains("attack.lateral_movement") || t.contains("attack.lateral-movement")) return "Intrusion (lateral movement)";
        return "Malicious activity detected by rule";
    }

    private static String dataAtRisk(Incident i) {
        String where = join(i.hosts());
        return type(i).startsWith("Ransomware")
                ? "Data stored on " + where + " and reachable shares may be encrypted or destroyed; backups and shadow copies at risk."
                : "Data stored on or reachable from " + where + " and accessible to " + join(i.users()) + "; to be confirmed.";
    }

    private static Section fields(String title, String... pairs) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k + 1 < pairs.length; k += 2) rows.add(List.of(pairs[k], nz(pairs[k + 1])));
        return new Section(title, List.of(), rows);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : String.format("%.1f h", s / 3600.0);
    }

    private static String join(java.util.Collection<String> values) {
        return values.isEmpty() ? "none recorded" : String.join(", ", values);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
