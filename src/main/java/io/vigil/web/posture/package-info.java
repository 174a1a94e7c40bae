/**
 * The security posture report ({@code vigil assess}, {@code GET /api/assess}): transport, authentication
 * settings, dormant accounts, retention against the seed incident's 87 days, ATT&CK tactic coverage of the
 * rules, exposure findings, and the audit chain, worst first. Read
 * {@link io.vigil.web.posture.PostureAssessment} first; {@link io.vigil.web.posture.PostureFacts} is what the
 * caller gathers. Stateless; thread-safe.
 */
package io.vigil.web.posture;
