package io.vigil.detect.compile;

import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as the rules see it: Sigma field slots resolved through the field mapping and lower-cased
 * at most once, however many rules read them. Not thread-safe; one per event evaluation.
 */
public final class EventView {

    private static final FieldValues ABSENT = new FieldValues(new String[0]);

    private final Event event;
    private final String[][] keys;
    private final FieldValues[] cache;
    private FieldValues everything;

    public EventView(Event event, String[][] keysForDialect) {
        this.event = event;
        this.keys = keysForDialect;
        this.cache = new FieldValues[keysForDialect.length];
    }

    public Event event() {
        return event;
    }

    /** The slot's values, or null when the field is absent (or null) in this event. */
    public FieldValues values(int slot) {
        FieldValues v = cache[slot];
        if (v == null) {
            v = ABSENT;
            for (String key : keys[slot]) {
                Object o = event.get(key);
                if (o != null) {
                    v = FieldValues.of(o);
                    break;
                }
            }
            cache[slot] = v;
        }
        return v == ABSENT ? null : v;
    }

    /** Every value of every field, for keyword (field-less) detections. */
    public FieldValues everything() {
        if (everything == null) {
            List<String> raw = new ArrayList<>(event.fields().size());
            for (Object o : event.fields().values()) {
                if (o instanceof String s) {
                    raw.add(s);
                } else if (o instanceof List<?> list) {
                    for (Object item : list) if (item != null) raw.add(item.toString());
                }
            }
            everything = new FieldValues(raw.toArray(String[]::new));
        }
        return everything;
    }
}
