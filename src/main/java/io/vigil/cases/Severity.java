package io.vigil.cases;

import java.util.List;
import java.util.Locale;

/** Sigma levels as an ordered scale, so an incident's severity can be the maximum of its alerts' levels. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity parse(String level) {
        for (Severity s : values()) {
            if (s.wire().equalsIgnoreCase(level == null ? "" : level.strip())) return s;
        }
        throw new IllegalArgumentException("unknown level '" + level + "'; expected one of " + names());
    }

    /** Like {@link #parse} but maps unknown or missing levels to medium, as alerts do. */
    public static Severity ofAlertLevel(String level) {
        try {
            return parse(level);
        } catch (IllegalArgumentException e) {
            return MEDIUM;
        }
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> names() {
        return java.util.Arrays.stream(values()).map(Severity::wire).toList();
    }
}
