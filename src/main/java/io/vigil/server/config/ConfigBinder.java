package io.vigil.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds a YAML/JSON tree onto configuration records, collecting every problem instead of stopping at the
 * first: unknown keys (with the keys that are allowed), values of the wrong type, and values a record's
 * compact constructor rejects. Keys are snake_case versions of the record components
 * ({@code maxBytes} ↔ {@code max_bytes}). A missing key takes the value from the record's defaults instance.
 */
public final class ConfigBinder {
    private final List<String> problems = new ArrayList<>();

    /** Binds {@code node} onto {@code type}; throws {@link ConfigException} listing every problem. */
    public static <T extends Record> T bind(JsonNode node, Class<T> type, T defaults) {
        ConfigBinder binder = new ConfigBinder();
        T result = binder.bindRecord(node, type, defaults, "");
        if (!binder.problems.isEmpty()) throw new ConfigException(binder.problems);
        return result;
    }

    private <T extends Record> T bindRecord(JsonNode node, Class<T> type, T defaults, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) return defaults;
        if (!node.isObject()) {
            problems.add(describe(path) + ": expected a mapping of " + keysOf(type) + ", got " + kind(node));
            return defaults;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) byKey.put(snake(c.getName()), c);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!byKey.containsKey(key)) {
                problems.add(describe(join(path, key)) + ": unknown key; expected one of " + byKey.keySet());
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Object fallback = read(c, defaults);
            String key = snake(c.getName());
            args[i] = bindValue(node.get(key), c.getGenericType(), fallback, join(path, key));
        }
        if (problems.size() > before) return defaults;
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            problems.add(describe(path) + ": " + e.getCause().getMessage());
            return defaults;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("config record " + type.getName() + " cannot be constructed", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object bindValue(JsonNode value, Type type, Object fallback, String path) {
        if (value == null || value.isMissingNode()) return fallback;
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) return bindRecord(value, (Class) raw, (Record) fallback, path);
        if (raw == List.class) return bindList(value, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        if (raw == Map.class) return bindMap(value, ((ParameterizedType) type).getActualTypeArguments()[1], path);
        return scalar(value, raw, fallback, path);
    }

    private List<Object> bindList(JsonNode value, Type element, String path) {
        if (!value.isArray()) {
            problems.add(describe(path) + ": expected a list, got " + kind(value));
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) out.add(bindValue(value.get(i), element, null, path + "[" + i + "]"));
        return List.copyOf(out);
    }

    private Map<String, Object> bindMap(JsonNode value, Type element, String path) {
        if (!value.isObject()) {
            problems.add(describe(path) + ": expected a mapping, got " + kind(value));
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> out.put(e.getKey(), bindValue(e.getValue(), element, null, join(path, e.getKey()))));
        return Map.copyOf(out);
    }

    private Object scalar(JsonNode v, Class<?> raw, Object fallback, String path) {
        if (raw == String.class && v.isValueNode() && !v.isNull()) return v.asText();
        if ((raw == int.class || raw == Integer.class) && v.canConvertToInt() && v.isIntegralNumber()) return v.intValue();
        if ((raw == long.class || raw == Long.class) && v.canConvertToLong() && v.isIntegralNumber()) return v.longValue();
        if ((raw == double.class || raw == Double.class) && v.isNumber()) return v.doubleValue();
        if ((raw == boolean.class || raw == Boolean.class) && v.isBoolean()) return v.booleanValue();
        if (raw.isEnum() && v.isTextual()) {
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(v.asText())) return constant;
            }
            problems.add(describe(path) + ": '" + v.asText() + "' is not one of " + enumNames(raw));
            return fallback;
        }
        problems.add(describe(path) + ": expected " + expected(raw) + ", got " + kind(v) + " " + v);
        return fallback;
    }

    private static Object read(RecordComponent c, Record defaults) {
        try {
            return defaults == null ? null : c.getAccessor().invoke(defaults);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(String path) {
        return path.isEmpty() ? "(top level)" : "`" + path + "`";
    }

    private static TreeSet<String> keysOf(Class<?> type) {
        TreeSet<String> keys = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) keys.add(snake(c.getName()));
        return keys;
    }

    private static List<String> enumNames(Class<?> raw) {
        List<String> names = new ArrayList<>();
        for (Object c : raw.getEnumConstants()) names.add(((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT));
        return names;
    }

    private static String expected(Class<?> raw) {
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) return "a whole number";
        if (raw == double.class || raw == Double.class) return "a number";
        if (raw == boolean.class || raw == Boolean.class) return "true or false";
        return "text";
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "nothing";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
