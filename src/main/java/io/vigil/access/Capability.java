package io.vigil.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A single extra permission a token can carry on top of its role, for narrow machine access without a
 * broad role: {@code metrics} lets a Prometheus scraper read {@code /metrics} with an ingest-role token.
 */
public enum Capability {
    METRICS;

    public static Capability parse(String text) {
        for (Capability c : values()) {
            if (c.name().equalsIgnoreCase(text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + text + "'; use: metrics");
    }

    /** Parses the comma list stored in the database ("" = none). */
    static Set<Capability> parseList(String commaList) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        for (String part : commaList.split(",")) {
            if (!part.isBlank()) {
                set.add(parse(part));
            }
        }
        return set;
    }

    static String toList(Set<Capability> capabilities) {
        return String.join(",", capabilities.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }
}
