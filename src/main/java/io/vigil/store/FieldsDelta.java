package io.vigil.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.EcsFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores an event's fields as a difference from its raw JSON, so that a JSON event costs the raw bytes once
 * instead of twice (raw + parsed). The raw JSON object is flattened to dotted keys (objects nest; arrays of
 * scalars become lists; anything else is not reproducible); the delta lists the fields whose value differs
 * or that the raw lacks ({@code s}), the raw paths the event does not have ({@code d}), and whether
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
    private static final String ORIGINAL_IS_RAW = "o";

    private FieldsDelta() {}

    /** The delta of {@code fields} against {@code raw}, or empty when raw is not a JSON object or cannot reproduce them. */
    static Optional<byte[]> of(Map<String, Object> fields, byte[] raw) {
        Map<String, Object> flat = flatten(raw);
        if (flat == null) return Optional.empty();
        Map<String, Object> set = new LinkedHashMap<>();
        boolean originalIsRaw = false;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getValue() == null) return Optional.empty();
            if (e.getKey().equals(EcsFields.EVENT_ORIGINAL) && !flat.containsKey(EcsFields.EVENT_ORIGINAL)
                    && e.getValue() instanceof String s && s.equals(new String(raw, StandardCharsets.UTF_8))) {
                originalIsRaw = true;
            } else if (!e.getValue().equals(flat.get(e.getKey()))) {
                set.put(e.getKey(), e.getValue());
            }
        }
        List<String> drop = new ArrayList<>();
        for (String key : flat.keySet()) if (!fields.containsKey(key)) drop.add(key);
        Map<String, Object> delta = new LinkedHashMap<>();
        if (!set.isEmpty()) delta.put(SET, set);
        if (!drop.isEmpty()) delta.put(DROP, drop);
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
        Map<String, Object> fields = new LinkedHashMap<>(flat);
        if (delta.get(DROP) instanceof List<?> drop) drop.forEach(fields::remove);
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
