package io.vigil.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.EcsFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores an event's fields as a difference from its raw JSON, so that a JSON event costs the raw bytes once
 * instead of twice (raw + parsed). The raw JSON object is flattened to dotted keys (objects nest; arrays of
 * scalars become lists; anything else is not reproducible). The delta names, by key only where it can:
 * the raw paths the event drops ({@code d}) or, if shorter, the raw paths it keeps ({@code k}); fields whose
 * value is some raw path's value under another name, as that path ({@code r}: a normalizer's renames, e.g.
 * {@code Hostname} to {@code host.name}); values found nowhere in the raw ({@code s}); and whether
 * {@code event.original} is the raw text itself ({@code o}).
 *
 * <p>Field order after reconstruction: the raw JSON's paths in their order, then the delta's. Map contents are
 * exactly the event's: {@link #of} checks the reconstruction and returns empty when it would differ.
 * Thread-safe.
 */
final class FieldsDelta {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final String SET = "s";
    private static final String DROP = "d";
    private static final String KEEP = "k";
    private static final String RENAMED = "r";
    private static final String ORIGINAL_IS_RAW = "o";

    private FieldsDelta() {}

    /** The delta of {@code fields} against {@code raw}, or empty when raw is not a JSON object or cannot reproduce them. */
    static Optional<byte[]> of(Map<String, Object> fields, byte[] raw) {
        Map<String, Object> flat = flatten(raw);
        if (flat == null) return Optional.empty();
        Map<Object, String> pathByValue = new HashMap<>();
        for (Map.Entry<String, Object> e : flat.entrySet()) pathByValue.putIfAbsent(e.getValue(), e.getKey());
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> renamed = new LinkedHashMap<>();
        List<String> sameKey = new ArrayList<>();
        boolean originalIsRaw = false;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (value == null) return Optional.empty();
            if (key.equals(EcsFields.EVENT_ORIGINAL) && !flat.containsKey(key) && value instanceof String s
                    && s.equals(new String(raw, StandardCharsets.UTF_8))) {
                originalIsRaw = true;
            } else if (value.equals(flat.get(key))) {
                sameKey.add(key);
            } else if (pathByValue.containsKey(value)) {
                renamed.put(key, pathByValue.get(value));
            } else {
                set.put(key, value);
            }
        }
        List<String> drop = new ArrayList<>();
        for (String key : flat.keySet()) if (!fields.containsKey(key)) drop.add(key);
        Map<String, Object> delta = new LinkedHashMap<>();
        // Name whichever list is shorter: the raw keys to drop, or the raw keys to keep.
        if (drop.size() <= sameKey.size()) {
            if (!drop.isEmpty()) delta.put(DROP, drop);
        } else {
            delta.put(KEEP, sameKey);
        }
        if (!renamed.isEmpty()) delta.put(RENAMED, renamed);
        if (!set.isEmpty()) delta.put(SET, set);
        if (originalIsRaw) delta.put(ORIGINAL_IS_RAW, true);
        byte[] encoded = FlatFieldsCodec.encode(delta);
        if (!applyTo(flat, raw, FlatFieldsCodec.decodeTree(encoded)).equals(fields)) return Optional.empty();
        return Optional.of(encoded);
    }

    /** The event fields from the raw JSON and a delta made by {@link #of}. */
    static Map<String, Object> apply(byte[] raw, byte[] delta, int offset, int length) {
        Map<String, Object> flat = flatten(raw);
        if (flat == null) throw new IllegalStateException("stored raw text is no longer a JSON object (index corrupt?)");
        return applyTo(flat, raw, FlatFieldsCodec.decodeTree(java.util.Arrays.copyOfRange(delta, offset, offset + length)));
    }

    private static Map<String, Object> applyTo(Map<String, Object> flat, byte[] raw, Map<String, Object> delta) {
        Map<String, Object> fields;
        if (delta.get(KEEP) instanceof List<?> keep) {
            fields = new LinkedHashMap<>();
            for (Object key : keep) fields.put((String) key, flat.get(key));
        } else {
            fields = new LinkedHashMap<>(flat);
            if (delta.get(DROP) instanceof List<?> drop) drop.forEach(fields::remove);
        }
        if (delta.get(RENAMED) instanceof Map<?, ?> renamed) renamed.forEach((k, path) -> fields.put((String) k, flat.get(path)));
        if (delta.get(SET) instanceof Map<?, ?> set) set.forEach((k, v) -> fields.put((String) k, FlatFieldsCodec.normalize(v)));
        if (Boolean.TRUE.equals(delta.get(ORIGINAL_IS_RAW))) fields.put(EcsFields.EVENT_ORIGINAL, new String(raw, StandardCharsets.UTF_8));
        return fields;
    }

    /** Dotted-key view of a JSON object, or null when raw is not one or holds arrays of objects/nested arrays. */
    static Map<String, Object> flatten(byte[] raw) {
        int i = 0;
        while (i < raw.length && Character.isWhitespace(raw[i])) i++;
        if (i == raw.length || raw[i] != '{') return null;
        try (JsonParser parser = JSON.getFactory().createParser(raw)) {
            parser.nextToken();
            Map<String, Object> out = new LinkedHashMap<>();
            if (!object(parser, "", out)) return null;
            return parser.nextToken() == null ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean object(JsonParser parser, String prefix, Map<String, Object> out) throws IOException {
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (!object(parser, key + ".", out)) return false;
            } else if (value == JsonToken.START_ARRAY) {
                List<Object> list = new ArrayList<>();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    Object scalar = scalar(parser, item);
                    if (scalar == null) return false;
                    list.add(scalar);
                }
                if (out.put(key, list) != null) return false;
            } else if (value != JsonToken.VALUE_NULL) {
                Object scalar = scalar(parser, value);
                if (scalar == null || out.put(key, scalar) != null) return false;
            }
        }
        return true;
    }

    private static Object scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
