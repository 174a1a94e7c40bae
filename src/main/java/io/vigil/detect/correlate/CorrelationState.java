package io.vigil.detect.correlate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link CorrelationEngine} remembers, as a plain value that can be written to disk and read
 * back ({@link CorrelationStateFile}). Groups are keyed by the correlation's rule id (not its index in the
 * set, which moves when rules change) and kept in the engine's least-recently-updated-first order, because
 * eviction and sweeping depend on that order. Each correlation's {@link Shape} is recorded so that a restore
 * can drop the state of a correlation whose definition changed since.
 *
 * @param seq           the engine's arrival counter (orders equal-time events, paces sweeps)
 * @param watermark     the newest event time seen
 * @param truncated     state was dropped since the last match (the next match says so)
 * @param shapes        correlation id → its definition when the state was taken
 * @param groups        the open windows, least recently updated first
 */
public record CorrelationState(long seq, long watermark, long evictedGroups, long droppedEvents, long lateEvents,
                               boolean truncated, Map<String, Shape> shapes, List<Group> groups) {

    public static final CorrelationState EMPTY = new CorrelationState(0, Long.MIN_VALUE, 0, 0, 0, false, Map.of(), List.of());

    public CorrelationState {
        shapes = Map.copyOf(shapes);
        groups = List.copyOf(groups);
    }

    /**
     * What a correlation's state depends on: the referenced rule ids (an entry's ref is an index into them),
     * the fields its group keys and values were read from, and the timespan. The condition is not part of
     * it: a changed threshold is simply tested on the same window.
     */
    public record Shape(CorrelationType type, List<String> refs, List<List<String>> groupFields,
                        List<List<String>> valueFields, long timespanMillis) {
        public Shape {
            Objects.requireNonNull(type, "type");
            refs = List.copyOf(refs);
            groupFields = groupFields.stream().map(List::copyOf).toList();
            valueFields = valueFields.stream().map(List::copyOf).toList();
        }

        static Shape of(Correlation c) {
            return new Shape(c.type(), c.refs(), c.groupFields(), c.valueFields(), c.timespanMillis());
        }
    }

    /** One open window: the correlation it belongs to, its group-by values and its events in time order. */
    public record Group(String correlation, List<String> values, String host, String user, List<Item> entries) {
        public Group {
            Objects.requireNonNull(correlation, "correlation");
            values = List.copyOf(values);
            entries = List.copyOf(entries);
        }
    }

    /** One event (or inner correlation match) of a window; {@code number} is null when it has none. */
    public record Item(long time, long seq, int ref, String value, Double number, List<String> eventIds) {
        public Item {
            if (ref < 0) throw new IllegalArgumentException("ref must be >= 0, got " + ref);
            eventIds = List.copyOf(eventIds);
        }
    }

    public int groupCount() {
        return groups.size();
    }
}
