package io.vigil.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of an event's flat field map: one compact JSON object of dotted keys, in field order.
 * Reading gives back exactly the value kinds {@link io.vigil.event.Event} allows (String, Long, Double,
 * Boolean, List of those). Thread-safe.
 */
final class FlatFieldsCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private FlatFieldsCodec() {}

    /** Written with the streaming generator: no serializer lookups per entry (this runs once per event). */
    static byte[] encode(Map<String, Object> fields) {
        ByteArrayBuilder out = new ByteArrayBuilder(2048);
        try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                gen.writeFieldName(e.getKey());
                writeValue(gen, e.getValue());
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize event fields: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator gen, Object value) throws IOException {
        switch (value) {
            case null -> gen.writeNull();
            case String s -> gen.writeString(s);
            case Long l -> gen.writeNumber(l);
            case Integer i -> gen.writeNumber(i);
            case Double d -> gen.writeNumber(d);
            case Boolean b -> gen.writeBoolean(b);
            case List<?> list -> {
                gen.writeStartArray();
                for (Object item : list) writeValue(gen, item);
                gen.writeEndArray();
            }
            case Map<?, ?> map -> {
                gen.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    gen.writeFieldName(e.getKey().toString());
                    writeValue(gen, e.getValue());
                }
                gen.writeEndObject();
            }
            default -> gen.writeString(value.toString());
        }
    }

    static Map<String, Object> decode(byte[] bytes, int offset, int length) {
        try {
            LinkedHashMap<String, Object> map = JSON.readValue(bytes, offset, length, MAP);
            map.replaceAll((k, v) -> normalize(v));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("stored _fields are not valid JSON (index corrupt?): " + e.getMessage(), e);
        }
    }

    /** The JSON object as parsed, values not normalized (for structured payloads such as a fields delta). */
    static Map<String, Object> decodeTree(byte[] bytes) {
        try {
            return JSON.readValue(bytes, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is not valid (index corrupt?): " + e.getMessage(), e);
        }
    }

    static Object normalize(Object value) {
        if (value instanceof Integer i) return i.longValue();
        if (value instanceof BigInteger b) return b.toString();
        if (value instanceof BigDecimal d) return d.doubleValue();
        if (value instanceof Float f) return f.doubleValue();
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(normalize(o));
            return out;
        }
        if (value instanceof Map<?, ?> nested) return nested.toString(); // never written by encode; stay total
        return value;
    }
}
