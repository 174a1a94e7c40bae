/**
 * Containment and notification actions run on incidents: signed HTTP webhooks (e.g. ask an EDR to isolate a
 * host), e-mail over SMTP with STARTTLS, and CEF over RFC 5424 syslog.
 *
 * <p>Invariants: nothing is sent outside {@link io.vigil.cases.action.Allowlist} (checked at configuration
 * and again before each send); templates only substitute values (JSON-escaped for webhook bodies); secrets
 * never appear in toString, the timeline or the audit log; only 5xx, timeouts and connection failures are
 * retried, with exponential backoff; an action with {@code requires_approval} waits until someone other than
 * the requester approves it; an automatic action fires at most once per incident, action and host.
 *
 * <p>Thread-safety: {@link io.vigil.cases.action.Containment} is thread-safe and sends on virtual threads.
 * Read {@link io.vigil.cases.action.ActionsConfig} then {@link io.vigil.cases.action.Containment}.
 */
package io.vigil.cases.action;
