package io.vigil.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of an incident's history.
 *
 * @param seq   position in the database (increasing; 0 before it is stored)
 * @param actor who did it: a user name, or {@code system} for grouping and automatic actions
 * @param refs  ids the entry is about (alert ids, event ids, action ids)
 */
public record TimelineEntry(long seq, Instant time, Kind kind, String actor, String text, List<String> refs) {
    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        refs = refs == null ? List.of() : List.copyOf(refs);
    }

    public enum Kind {
        ALERT, EVENT, ACTION, COMMENT, STATUS, ASSIGNMENT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind parse(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
