package io.vigil.alert;

import java.time.Instant;

/**
 * Filters for listing alerts; null means "any". Newest first.
 *
 * @param minLevel lowest level to include (e.g. "high" → high and critical)
 */
public record AlertQuery(String ruleId, String host, String minLevel, AlertStatus status, Instant from, Instant to,
                         int limit) {
    public AlertQuery {
        if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be 1..10000, got " + limit);
    }

    public static AlertQuery recent(int limit) {
        return new AlertQuery(null, null, null, null, null, null, limit);
    }
}
