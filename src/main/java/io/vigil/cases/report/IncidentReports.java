package io.vigil.cases.report;

import io.vigil.alert.Alert;
import io.vigil.cases.IncidentDetail;
import io.vigil.cases.action.ActionRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Exports incidents: a STIX 2.1 bundle for sharing with CERTs and ISACs, and an HTML or PDF report in the
 * shape national CERTs ask for. Thread-safe (no mutable state).
 */
public final class IncidentReports {
    private final Organisation organisation;
    private final AttackCatalog attack;
    private final Evidence.Source evidence;
    private final Clock clock;

    public IncidentReports(Organisation organisation, AttackCatalog attack, Evidence.Source evidence, Clock clock) {
        this.organisation = organisation;
        this.attack = attack;
        this.evidence = evidence;
        this.clock = clock;
    }

    public byte[] stix(IncidentDetail detail, List<ActionRecord> actions) {
        return StixBundle.of(detail, evidenceOf(detail), organisation, attack).toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] html(IncidentDetail detail, List<ActionRecord> actions) {
        return HtmlReport.render(report(detail, actions), clock.instant().toString()).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(IncidentDetail detail, List<ActionRecord> actions) {
        return PdfReport.render(report(detail, actions), clock.instant().toString());
    }

    /** The CSP {@code style-src} source that allows the HTML report's single style block. */
    public String htmlStyleHash() {
        return HtmlReport.styleHash();
    }

    private CertReport report(IncidentDetail detail, List<ActionRecord> actions) {
        return CertReport.of(detail, actions, evidenceOf(detail), organisation, attack);
    }

    private Evidence evidenceOf(IncidentDetail detail) {
        List<String> ids = detail.alerts().stream().map(Alert::eventIds).flatMap(List::stream).distinct().toList();
        return Evidence.from(evidence.events(ids));
    }
}
