package io.vigil.event;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A read-only, insertion-ordered field map that can be kept without a defensive copy. The parser builds each
 * event's map once and hands it over ({@link #handOver}); at ingest rates a second copy of ~25 entries per event
 * was a measurable share of parsing and of garbage. Maps from anywhere else are copied first ({@link #of}), so
 * nobody keeps a reference through which the holder could change. Used by {@link Event} and by the Windows
 * normalizer's records.
 */
public final class FrozenFields extends AbstractMap<String, Object> {
    /** The empty frozen map. */
    public static final FrozenFields EMPTY = new FrozenFields(new LinkedHashMap<>());

    private final Map<String, Object> view;

    private FrozenFields(LinkedHashMap<String, Object> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    /** Takes over {@code owned} without copying; its builder must not touch it afterwards. */
    public static FrozenFields handOver(LinkedHashMap<String, Object> owned) {
        return owned.isEmpty() ? EMPTY : new FrozenFields(owned);
    }

    /** {@code fields} itself when it is already frozen, else a frozen ordered copy. */
    public static FrozenFields of(Map<String, Object> fields) {
        return fields instanceof FrozenFields frozen ? frozen : handOver(new LinkedHashMap<>(fields));
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
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        view.forEach(action);
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
