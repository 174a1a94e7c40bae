package io.vigil.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between the flat form of an event ({@code "source.ip" -> "10.0.0.1"}) and nested JSON
 * ({@code {"source": {"ip": "10.0.0.1"}}}).
 *
 * <h2>{@link #toNested}</h2>
 * Each dotted key becomes a path of objects. When a key is both a leaf and a prefix of another key
 * ({@code a = 1} and {@code a.b = 2}), the leaf keeps the name and the longer key stays dotted at the level
 * where the clash happens: {@code {"a": 1, "a.b": 2}}. The result does not depend on key order, and
 * {@link #flatten} turns it back into the same keys.
 *
 * <h2>{@link #flatten}</h2>
 * Nested objects and dotted keys are both accepted ({@code {"a.b": 1}} equals {@code {"a": {"b": 1}}}).
 * Arrays of scalars become a {@link List}; arrays of objects contribute each element's leaves to lists under
 * the dotted path ({@code {"a": [{"b": 1}, {"b": 2}]}} gives {@code a.b = [1, 2]}). Integral numbers become
 * {@link Long} (or {@link Double} beyond its range), others {@link Double}; nulls and empty arrays are dropped.
 * A key reached twice (once dotted, once nested) collects both values in a list.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {}

    /** Dotted keys to nested objects, in the order keys first appear. */
    public static ObjectNode toNested(Map<String, Object> flat) {
        ObjectNode root = NODES.objectNode();
        Set<String> dottedLeaves = dottedPrefixCandidates(flat);
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            place(root, e.getKey(), toNode(e.getValue()), flat, dottedLeaves);
        }
        return root;
    }

    /** Keys that may shadow a longer key: only needed when some key has a dot. */
    private static Set<String> dottedPrefixCandidates(Map<String, Object> flat) {
        for (String key : flat.keySet()) {
            if (key.indexOf('.') >= 0) return flat.keySet();
        }
        return Set.of();
    }

    private static void place(ObjectNode root, String key, JsonNode value, Map<String, Object> flat, Set<String> leaves) {
        ObjectNode level = root;
        int segmentStart = 0;
        int dot = key.indexOf('.');
        while (dot >= 0) {
            // A leaf sits where this key would need an object: keep the rest dotted at this level.
            if (leaves.contains(key.substring(0, dot))) break;
            String segment = key.substring(segmentStart, dot);
            level = childObject(level, segment);
            segmentStart = dot + 1;
            dot = key.indexOf('.', segmentStart);
        }
        level.set(key.substring(segmentStart), value);
    }

    private static ObjectNode childObject(ObjectNode level, String segment) {
        JsonNode existing = level.get(segment);
        if (existing instanceof ObjectNode child) return child;
        return level.putObject(segment);
    }

    private static JsonNode toNode(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String s -> NODES.textNode(s);
            case Long l -> NODES.numberNode(l);
            case Integer i -> NODES.numberNode(i.longValue());
            case Double d -> NODES.numberNode(d);
            case Float f -> NODES.numberNode(f.doubleValue());
            case BigDecimal b -> NODES.numberNode(b);
            case BigInteger b -> NODES.numberNode(b);
            case Number n -> NODES.numberNode(n.doubleValue());
            case Boolean b -> NODES.booleanNode(b);
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode(list.size());
                for (Object element : list) array.add(toNode(element));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> e : map.entrySet()) object.set(String.valueOf(e.getKey()), toNode(e.getValue()));
                yield object;
            }
            case JsonNode node -> node;
            default -> NODES.textNode(value.toString());
        };
    }

    /** Nested (or dotted) JSON object to flat dotted keys. */
    public static Map<String, Object> flatten(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object, got " + (json == null ? "nothing" : json.getNodeType()));
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        Set<String> listKeys = new HashSet<>();
        flattenObject(null, json, flat, listKeys, false);
        for (String key : listKeys) flat.put(key, List.copyOf((List<?>) flat.get(key)));
        return flat;
    }

    private static void flattenObject(String prefix, JsonNode object, Map<String, Object> flat, Set<String> listKeys,
                                      boolean inArray) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix == null ? field.getKey() : prefix + "." + field.getKey();
            flattenValue(path, field.getValue(), flat, listKeys, inArray);
        }
    }

    private static void flattenValue(String path, JsonNode value, Map<String, Object> flat, Set<String> listKeys,
                                     boolean inArray) {
        if (value.isObject()) {
            flattenObject(path, value, flat, listKeys, inArray);
        } else if (value.isArray()) {
            for (JsonNode element : value) flattenValue(path, element, flat, listKeys, true);
        } else {
            Object scalar = scalar(value);
            if (scalar != null) add(path, scalar, flat, listKeys, inArray);
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(String path, Object scalar, Map<String, Object> flat, Set<String> listKeys, boolean inArray) {
        Object existing = flat.get(path);
        if (existing == null && !inArray) {
            flat.put(path, scalar);
            return;
        }
        List<Object> list;
        if (listKeys.contains(path)) {
            list = (List<Object>) existing;
        } else {
            list = new ArrayList<>(4);
            if (existing != null) list.add(existing);
            flat.put(path, list);
            listKeys.add(path);
        }
        list.add(scalar);
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) return value.textValue();
        if (value.isBoolean()) return value.booleanValue();
        if (value.isIntegralNumber()) return value.canConvertToLong() ? (Object) value.longValue() : (Object) value.doubleValue();
        if (value.isNumber()) return value.doubleValue();
        if (value.isBinary()) return value.asText();
        return null; // null and missing nodes carry nothing to index
    }
}
