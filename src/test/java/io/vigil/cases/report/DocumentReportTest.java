package io.vigil.cases.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cases.CaseTestSupport;
import io.vigil.cases.IncidentDetail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReportTest {
    @TempDir
    Path dir;

    @Test
    void htmlReportEscapesAScriptInAHostName() {
        try (CaseTestSupport cases = new CaseTestSupport(dir)) {
            IncidentDetail d = ReportFixture.incident(cases, "<script>alert(1)</script>");
            String html = new String(ReportFixture.reports(AttackCatalog.EMPTY).html(d, List.of()), StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(html).contains("Reporting organisation", "Affected systems and services", "Data at risk",
                    "Actions taken", "Indicators", "Timeline", "203.0.113.7", d.incident().id());
        }
    }

    @Test
    void pdfReportParsesBackWithTheIncidentIdAndHosts() throws Exception {
        try (CaseTestSupport cases = new CaseTestSupport(dir)) {
            IncidentDetail d = ReportFixture.incident(cases, "fileserver-02");
            byte[] pdf = ReportFixture.reports(AttackCatalog.EMPTY).pdf(d, List.of());
            Path out = Path.of("target/report-sample.pdf");
            Files.write(out, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains(d.incident().id(), "fileserver-02", "Example Hospital", "Timeline", "c2.evil-example.com");
            }
        }
    }
}
