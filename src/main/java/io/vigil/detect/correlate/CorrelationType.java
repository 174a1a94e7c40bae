package io.vigil.detect.correlate;

import java.util.Arrays;
import java.util.Locale;

/** The Sigma v2.1 correlation types, with what each needs from its definition. */
public enum CorrelationType {
    EVENT_COUNT(false, true),
    VALUE_COUNT(true, true),
    TEMPORAL(false, false),
    TEMPORAL_ORDERED(false, false),
    VALUE_SUM(true, true),
    VALUE_AVG(true, true),
    /** The share (percent, 0–100) of the window's events whose field value equals the newest event's value. */
    VALUE_PERCENTILE(true, true);

    private final boolean needsField;
    private final boolean needsCondition;

    CorrelationType(boolean needsField, boolean needsCondition) {
        this.needsField = needsField;
        this.needsCondition = needsCondition;
    }

    public boolean needsField() {
        return needsField;
    }

    public boolean needsCondition() {
        return needsCondition;
    }

    /** The name used in rules ({@code event_count}). */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type called {@code name} in a rule, or an error listing the valid names. */
    public static CorrelationType of(String name) {
        for (CorrelationType t : values()) if (t.sigmaName().equals(name)) return t;
        throw new IllegalArgumentException("unknown correlation type '" + name + "'; use one of "
                + Arrays.stream(values()).map(CorrelationType::sigmaName).toList());
    }
}
