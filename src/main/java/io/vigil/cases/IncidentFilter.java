package io.vigil.cases;

/** Filters for listing incidents; null means "any". Most recently active first. */
public record IncidentFilter(IncidentStatus status, Severity minSeverity, String host, int limit) {
    public IncidentFilter {
        if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be 1..10000, got " + limit);
    }

    public static IncidentFilter recent(int limit) {
        return new IncidentFilter(null, null, null, limit);
    }
}
