package io.vigil.access.audit;

import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained record of who did what: logins (success and failure), searches, exports,
 * alert/incident/rule changes, user/token changes and setting changes. Any stage's wiring may call
 * {@link #record}; it never throws for bad input (nulls become ""), but it does throw
 * {@link java.io.UncheckedIOException} when the record cannot be made durable — an action that cannot be
 * audited should fail rather than happen silently.
 *
 * <p>Conventional actions: {@code auth.login}, {@code auth.login.failed}, {@code auth.lockout},
 * {@code auth.logout}, {@code search}, {@code export}, {@code user.create}, {@code user.disable},
 * {@code user.password}, {@code token.create}, {@code token.revoke}, {@code alert.update},
 * {@code incident.update}, {@code rule.change}, {@code setting.change}.
 */
public interface AuditLog {
    /** Appends one record. */
    AuditRecord record(String actor, String action, String target, Map<String, String> details);

    /** Records matching the query, newest first, at most {@code query.limit()}. */
    List<AuditRecord> search(AuditQuery query);

    /** An audit log that keeps nothing (tests and tools that must not write one). */
    AuditLog NONE = new AuditLog() {
        @Override
        public AuditRecord record(String actor, String action, String target, Map<String, String> details) {
            return null;
        }

        @Override
        public List<AuditRecord> search(AuditQuery query) {
            return List.of();
        }
    };
}
