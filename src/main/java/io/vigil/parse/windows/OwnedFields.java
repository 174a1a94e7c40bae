package io.vigil.parse.windows;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A read-only, insertion-ordered field map that {@link WindowsRecord} can keep without copying: the JSON and
 * XML readers of this package build a fresh map per event and hand it over, so the defensive copy a record
 * makes of a caller's map would only cost allocation. Maps from outside are still copied ({@link #of}).
 */
final class OwnedFields extends AbstractMap<String, Object> {
    static final OwnedFields EMPTY = new OwnedFields(new LinkedHashMap<>());

    private final Map<String, Object> fields;

    private OwnedFields(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Takes over a map its builder will not touch again. */
    static OwnedFields handOver(LinkedHashMap<String, Object> fields) {
        return fields.isEmpty() ? EMPTY : new OwnedFields(fields);
    }

    /** The map itself when it is already owned, else an ordered copy. */
    static OwnedFields of(Map<String, Object> fields) {
        return fields instanceof OwnedFields owned ? owned : handOver(new LinkedHashMap<>(fields));
    }

    @Override
    public Object get(Object key) {
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        fields.forEach(action);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(fields).entrySet();
    }
}
