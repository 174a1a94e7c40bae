/**
 * Incident exports: a STIX 2.1 bundle (identity, incident, indicators, observed-data with SCOs,
 * attack-patterns, relationships; deterministic UUIDv5 ids) and a report for national CERTs as HTML and PDF,
 * both drawn from the same {@code CertReport} sections.
 *
 * <p>Invariants: the same incident state exports byte-identical STIX; HTML escapes every value and carries no
 * script or external resource; the PDF uses only standard fonts (unencodable characters become '?').
 * Thread-safe (stateless). Read {@link io.vigil.cases.report.IncidentReports} first.
 */
package io.vigil.cases.report;
