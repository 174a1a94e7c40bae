package io.vigil.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the flat form of an event ({@code "source.ip" -> "10.0.0.1"}) and nested JSON
 * ({@code {"source": {"ip": "10.0.0.1"}}}).
 *
 * <h2>{@link #toNested}</h2>
 * Each dotted key becomes a path of objects. When a key is both a leaf and a prefix of another key
 * ({@code a = 1} and {@code a.b = 2}), the leaf keeps the name and the longer key stays dotted at the level
 * where the clash happens: {@code {"a": 1, "a.b": 2}}. The content does not depend on key order (only the order
 * of keys inside objects does), and {@link #flatten} turns it back into the same keys. Values are expected to be
 * what {@link Event} allows (String, Long, Double, Boolean, List); anything else is written as its text.
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
        for (Map.Entry<String, Object> e : flat.entrySet()) place(root, e.getKey(), toNode(e.getValue()));
        return root;
    }

    /**
     * Clashes are resolved when they happen, so the common case costs no prefix look-ups: descending into a name
     * that holds a leaf keeps the rest of the key dotted at that level; placing a leaf where an object was built
     * moves the object's contents back to dotted names at that level. Either order gives the same content.
     */
    private static void place(ObjectNode root, String key, JsonNode value) {
        ObjectNode level = root;
        int start = 0;
        int dot;
        while ((dot = key.indexOf('.', start)) >= 0) {
            String segment = key.substring(start, dot);
            JsonNode existing = level.get(segment);
            if (existing == null) {
                level = level.putObject(segment);
            } else if (existing instanceof ObjectNode child) {
                level = child;
            } else {
                break;
            }
            start = dot + 1;
        }
        String name = start == 0 ? key : key.substring(start);
        if (level.get(name) instanceof ObjectNode built) {
            level.remove(name);
            spill(level, name, built);
        }
        level.set(name, value);
    }

    private static void spill(ObjectNode level, String prefix, ObjectNode object) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String name = prefix + "." + e.getKey();
            if (e.getValue() instanceof ObjectNode inner) spill(level, name, inner);
            else level.set(name, e.getValue());
        }
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
            default -> NODES.textNode(value.toString());
        };
    }

    /** Nested (or dotted) JSON object to flat dotted keys. */
    public static Map<String, Object> flatten(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object, got " + (json == null ? "nothing" : json.getNodeType()));
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (flattenObject(null, json, flat, false)) {
            for (Map.Entry<String, Object> e : flat.entrySet()) {
                if (e.getValue() instanceof Collected list) e.setValue(List.copyOf(list));
            }
        }
        return flat;
    }

    /** A list being collected for one key; replaced by an immutable copy when flattening ends. */
    private static final class Collected extends ArrayList<Object> {}

    /** Returns true when some value was collected into a list. */
    private static boolean flattenObject(String prefix, JsonNode object, Map<String, Object> flat, boolean inArray) {
        boolean collected = false;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String path = prefix == null ? field.getKey() : prefix + "." + field.getKey();
            collected |= flattenValue(path, field.getValue(), flat, inArray);
        }
        return collected;
    }

    private static boolean flattenValue(String path, JsonNode value, Map<String, Object> flat, boolean inArray) {
        if (value.isObject()) return flattenObject(path, value, flat, inArray);
        if (value.isArray()) {
            boolean collected = false;
            for (JsonNode element : value) collected |= flattenValue(path, element, flat, true);
            return collected;
        }
        Object scalar = scalar(value);
        return scalar != null && add(path, scalar, flat, inArray);
    }

    private static boolean add(String path, Object scalar, Map<String, Object> flat, boolean inArray) {
        Object existing = flat.get(path);
        if (existing == null && !inArray) {
            flat.put(path, scalar);
            return false;
        }
        if (existing instanceof Collected list) {
            list.add(scalar);
        } else {
            Collected list = new Collected();
            if (existing != null) list.add(existing);
            list.add(scalar);
            flat.put(path, list);
        }
        return true;
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
