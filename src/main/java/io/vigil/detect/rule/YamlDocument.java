package io.vigil.detect.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as plain Java values (maps, lists, String, Long, Double, Boolean, null) with the
 * line of every key, by slash-separated path ({@code "detection/selection/Image|endswith"}).
 */
record YamlDocument(Map<String, Object> root, int line, Map<String, Integer> keyLines) {

    YamlDocument {
        root = new LinkedHashMap<>(root);
        keyLines = Map.copyOf(keyLines);
    }

    /** Sigma rule collections: a deep merge where {@code over} wins, lists and scalars replaced. */
    YamlDocument mergedOnto(YamlDocument base) {
        if (base == null) return this;
        Map<String, Integer> lines = new HashMap<>(base.keyLines);
        lines.putAll(keyLines);
        return new YamlDocument(deepMerge(base.root, root), line, lines);
    }

    YamlDocument without(String key) {
        Map<String, Object> copy = new LinkedHashMap<>(root);
        copy.remove(key);
        return new YamlDocument(copy, line, keyLines);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            Object old = out.get(k);
            if (old instanceof Map<?, ?> oldMap && v instanceof Map<?, ?> newMap) {
                out.put(k, deepMerge((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    static List<String> stringList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) if (o != null) out.add(o.toString());
        } else if (value != null) {
            out.add(value.toString());
        }
        return out;
    }
}
