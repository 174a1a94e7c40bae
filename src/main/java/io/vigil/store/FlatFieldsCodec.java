package io.vigil.store;

import com.fasterxml.jackson.core.type.TypeReference;
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

    static byte[] encode(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize event fields: " + e.getMessage(), e);
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

    private static Object normalize(Object value) {
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
