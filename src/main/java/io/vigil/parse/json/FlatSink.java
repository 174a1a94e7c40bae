package io.vigil.parse.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a document's leaves, merging repeated paths into lists and counting against the field limit. */
final class FlatSink {
    /** Most documents have fewer fields than this, so their map is allocated once, not grown. */
    private static final int INITIAL_CAPACITY = 64;

    final Map<String, Object> fields = new LinkedHashMap<>(INITIAL_CAPACITY);
    private final int maxFields;
    private int count;

    FlatSink(int maxFields) {
        this.maxFields = maxFields;
    }

    /** Whether one more leaf stays within the limit (the fast reader bails out instead of throwing). */
    boolean hasRoom() {
        return count < maxFields;
    }

    void add(String path, Object value, boolean inArray) throws FlattenException {
        if (++count > maxFields) throw new FlattenException("has more than " + maxFields + " fields");
        Object existing = inArray ? fields.get(path) : fields.putIfAbsent(path, value);
        if (existing == null) {
            if (inArray) fields.put(path, newList(value));
        } else if (existing instanceof ListValue list) {
            list.add(value);
        } else {
            List<Object> list = newList(existing);
            list.add(value);
            fields.put(path, list);
        }
    }

    private static List<Object> newList(Object first) {
        List<Object> list = new ListValue();
        list.add(first);
        return list;
    }

    /** Marks lists the flattener built, so a later value at the same path is appended rather than nested. */
    private static final class ListValue extends ArrayList<Object> {
        ListValue() {
            super(4);
        }
    }
}
