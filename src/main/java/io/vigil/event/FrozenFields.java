package io.vigil.event;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The read-only field map an {@link Event} holds. An event built from a map its creator hands over
 * ({@link Event#owning}) wraps that map instead of copying it: the parser builds each event's map once, and a
 * second copy of ~25 entries per event was a measurable share of parsing and of garbage at ingest rates.
 * Every other map is copied first, so nobody keeps a reference through which the event could change.
 */
final class FrozenFields extends AbstractMap<String, Object> {
    private final Map<String, Object> view;

    private FrozenFields(LinkedHashMap<String, Object> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    /** A frozen copy of {@code fields}, unless it already is one. */
    static Map<String, Object> of(Map<String, Object> fields) {
        return fields instanceof FrozenFields frozen ? frozen : new FrozenFields(new LinkedHashMap<>(fields));
    }

    /** Wraps {@code owned} without copying; the caller must not touch it afterwards. */
    static Map<String, Object> owning(LinkedHashMap<String, Object> owned) {
        return new FrozenFields(owned);
    }

    @Override
    public Object get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return view.equals(o);
    }

    @Override
    public int hashCode() {
        return view.hashCode();
    }
}
