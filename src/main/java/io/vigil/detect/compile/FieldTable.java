package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns Sigma field names into slots so that every rule reading {@code CommandLine} shares one lookup
 * per event. Mutable while rules compile; {@link #freeze} yields the per-dialect key lists.
 */
public final class FieldTable {

    private final Map<String, Integer> slots = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int slotOf(String field) {
        return slots.computeIfAbsent(field, f -> {
            names.add(f);
            return names.size() - 1;
        });
    }

    public int size() {
        return names.size();
    }

    public String nameOf(int slot) {
        return names.get(slot);
    }

    /** For each dialect and slot, the event keys to try. */
    public String[][][] freeze(FieldMapping mapping) {
        Dialect[] dialects = Dialect.values();
        String[][][] keys = new String[dialects.length][names.size()][];
        for (Dialect d : dialects) {
            for (int s = 0; s < names.size(); s++) keys[d.ordinal()][s] = mapping.keysFor(names.get(s), d).toArray(String[]::new);
        }
        return keys;
    }
}
