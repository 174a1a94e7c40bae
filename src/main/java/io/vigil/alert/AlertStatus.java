package io.vigil.alert;

import java.util.Locale;

/** Where an alert is in triage. */
public enum AlertStatus {
    NEW, ACKNOWLEDGED, CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus parse(String text) {
        for (AlertStatus s : values()) {
            if (s.wire().equalsIgnoreCase(text)) return s;
        }
        throw new IllegalArgumentException("unknown alert status '" + text + "'; expected new, acknowledged or closed");
    }
}
