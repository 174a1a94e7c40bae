package io.vigil.detect.compile;

import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as the rules see it: Sigma field slots resolved through the field mapping and lower-cased
 * at most once, however many rules read them. Not thread-safe; one per event evaluation.
 *
 * <p>Resolved slots live in a small open-addressing table, not an array over every slot of the rule set:
 * an event's candidate rules read a few dozen of the rule set's thousand-odd slots, and clearing a
 * slot-sized array per event cost more than the lookups it saved. Past {@link #TABLE_LIMIT} slots (an
 * evaluation that reads very many fields, such as running every rule) they move to such an array.
 */
public final class EventView {

    private static final FieldValues ABSENT = new FieldValues(new String[0]);

    private final Event event;
    private final Dialect dialect;
    private final String[][] keys;
    /** Slot + 1 per table entry (0 = empty); capacity a power of two, at most half full. */
    private int[] cachedSlots = new int[16];
    private FieldValues[] cachedValues = new FieldValues[16];
    private int cached;
    private FieldValues everything;
    /** Slot-indexed cache, once more than {@link #TABLE_LIMIT} slots were resolved; null before. */
    private FieldValues[] bySlot;

    private static final int TABLE_LIMIT = 32;

    public EventView(Event event, Dialect dialect, String[][][] fieldKeys) {
        this.event = event;
        this.dialect = dialect;
        this.keys = fieldKeys[dialect.ordinal()];
    }

    public Event event() {
        return event;
    }

    /** The field dialect the event's slots are resolved in. */
    public Dialect dialect() {
        return dialect;
    }

    /** The slot's values, or null when the field is absent (or null) in this event. */
    public FieldValues values(int slot) {
        if (bySlot != null) {
            FieldValues v = bySlot[slot];
            if (v == null) bySlot[slot] = v = resolve(slot);
            return v == ABSENT ? null : v;
        }
        int mask = cachedSlots.length - 1;
        int i = hash(slot) & mask;
        for (int s; (s = cachedSlots[i]) != 0; i = (i + 1) & mask) {
            if (s == slot + 1) {
                FieldValues v = cachedValues[i];
                return v == ABSENT ? null : v;
            }
        }
        FieldValues v = resolve(slot);
        cachedSlots[i] = slot + 1;
        cachedValues[i] = v;
        if (++cached > TABLE_LIMIT) moveToArray();
        else if (cached * 2 > cachedSlots.length) grow();
        return v == ABSENT ? null : v;
    }

    private FieldValues resolve(int slot) {
        for (String key : keys[slot]) {
            Object o = event.get(key);
            if (o != null) return FieldValues.of(o);
        }
        return ABSENT;
    }

    private void grow() {
        int[] oldSlots = cachedSlots;
        FieldValues[] oldValues = cachedValues;
        cachedSlots = new int[oldSlots.length * 2];
        cachedValues = new FieldValues[oldSlots.length * 2];
        int mask = cachedSlots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] == 0) continue;
            int i = hash(oldSlots[j] - 1) & mask;
            while (cachedSlots[i] != 0) i = (i + 1) & mask;
            cachedSlots[i] = oldSlots[j];
            cachedValues[i] = oldValues[j];
        }
    }

    private void moveToArray() {
        bySlot = new FieldValues[keys.length];
        for (int j = 0; j < cachedSlots.length; j++) if (cachedSlots[j] != 0) bySlot[cachedSlots[j] - 1] = cachedValues[j];
        cachedSlots = null;
        cachedValues = null;
    }

    private static int hash(int slot) {
        return slot * 0x9E3779B9 >>> 16;
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
