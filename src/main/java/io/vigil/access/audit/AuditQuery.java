package io.vigil.access.audit;

import java.time.Instant;

/**
 * A filter over the audit log; null fields match everything. {@code action} matches exactly or as a
 * prefix ending at a dot ({@code auth} matches {@code auth.login.failed}); {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record AuditQuery(String actor, String action, Instant from, Instant to, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, limit);
    }

    public boolean matches(AuditRecord r) {
        return (actor == null || actor.equals(r.actor()))
                && (action == null || r.action().equals(action) || r.action().startsWith(action + "."))
                && (from == null || !r.time().isBefore(from))
                && (to == null || r.time().isBefore(to));
    }
}
