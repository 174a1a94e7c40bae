package io.vigil.parse.windows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vigil.parse.json.FlattenException;
import io.vigil.parse.json.FlattenLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test oracle: the Windows JSON path as it was before the allocation work (commit e9620d3), kept to prove the new one gives identical events.
 *
 * <p>
 * Streams one JSON object straight into a flat map of dotted keys, without building a tree.
 *
 * <p>Rules: nested objects and dotted keys are the same thing ({@code {"a":{"b":1},"a.c":2}} gives
 * {@code a.b} and {@code a.c}); arrays of scalars become a {@link List}; inside arrays of objects every leaf
 * path collects a List; integers become {@link Long} (beyond 64 bits: the digits as text), other numbers
 * {@link Double}; nulls and empty containers are dropped; a key seen twice keeps both values as a List.
 *
 * <p>Thread-safe: the factory is shared and each call uses its own parser.
 */
public final class LegacyJsonFlattener {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build())
            .build();

    private final FlattenLimits limits;

    public LegacyJsonFlattener(FlattenLimits limits) {
        this.limits = limits;
    }

    public LegacyJsonFlattener() {
        this(FlattenLimits.DEFAULT);
    }

    public Map<String, Object> flatten(byte[] json) throws FlattenException {
        return flatten(json, 0, json.length);
    }

    public Map<String, Object> flatten(byte[] json, int offset, int length) throws FlattenException {
        try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
            return flattenDocument(parser);
        } catch (JsonProcessingException e) {
            throw new FlattenException("is not a JSON object: " + describe(e));
        } catch (IOException e) {
            throw new FlattenException("could not be read as JSON: " + e.getMessage());
        }
    }

    public Map<String, Object> flatten(String json) throws FlattenException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return flattenDocument(parser);
        } catch (JsonProcessingException e) {
            throw new FlattenException("is not a JSON object: " + describe(e));
        } catch (IOException e) {
            throw new FlattenException("could not be read as JSON: " + e.getMessage());
        }
    }

    private Map<String, Object> flattenDocument(JsonParser parser) throws IOException, FlattenException {
        JsonToken first = parser.nextToken();
        if (first == null) throw new FlattenException("is not a JSON object: it is empty");
        if (first != JsonToken.START_OBJECT) {
            throw new FlattenException("is not a JSON object: it starts with " + tokenName(first));
        }
        Sink sink = new Sink(limits.maxFields());
        readObject(parser, "", 1, false, sink);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new FlattenException("is not a JSON object: unexpected " + tokenName(trailing)
                    + " after the object at column " + parser.currentLocation().getColumnNr());
        }
        return sink.fields;
    }

    /** Reads the members of an object whose START_OBJECT was just consumed. */
    private void readObject(JsonParser p, String prefix, int depth, boolean inArray, Sink sink)
            throws IOException, FlattenException {
        checkDepth(depth);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String path = prefix.isEmpty() ? name : prefix + '.' + name;
            readValue(p, p.nextToken(), path, depth, inArray, sink);
        }
        if (t != JsonToken.END_OBJECT) throw new FlattenException("is not a JSON object: it is truncated");
    }

    private void readValue(JsonParser p, JsonToken t, String path, int depth, boolean inArray, Sink sink)
            throws IOException, FlattenException {
        switch (t) {
            case START_OBJECT -> readObject(p, path, depth + 1, inArray, sink);
            case START_ARRAY -> readArray(p, path, depth + 1, sink);
            case VALUE_STRING -> sink.add(path, p.getText(), inArray);
            case VALUE_NUMBER_INT -> sink.add(path, integer(p), inArray);
            case VALUE_NUMBER_FLOAT -> sink.add(path, p.getDoubleValue(), inArray);
            case VALUE_TRUE -> sink.add(path, Boolean.TRUE, inArray);
            case VALUE_FALSE -> sink.add(path, Boolean.FALSE, inArray);
            case VALUE_NULL -> { }
            case null -> throw new FlattenException("is not a JSON object: it is truncated");
            default -> throw new FlattenException("is not a JSON object: unexpected " + tokenName(t));
        }
    }

    private void readArray(JsonParser p, String path, int depth, Sink sink) throws IOException, FlattenException {
        checkDepth(depth);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new FlattenException("is not a JSON object: it is truncated");
            readValue(p, t, path, depth, true, sink);
        }
    }

    private void checkDepth(int depth) throws FlattenException {
        if (depth > limits.maxDepth()) {
            throw new FlattenException("nests deeper than " + limits.maxDepth() + " levels");
        }
    }

    private static Object integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT, LONG -> p.getLongValue();
            default -> p.getText();
        };
    }

    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at column " + location.getColumnNr();
        return e.getOriginalMessage().replace('\n', ' ') + where;
    }

    private static String tokenName(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** Collects leaves, merging repeated paths into lists and counting against the field limit. */
    private static final class Sink {
        final Map<String, Object> fields = new LinkedHashMap<>();
        final int maxFields;
        int count;

        Sink(int maxFields) {
            this.maxFields = maxFields;
        }

        @SuppressWarnings("unchecked")
        void add(String path, Object value, boolean inArray) throws FlattenException {
            if (++count > maxFields) throw new FlattenException("has more than " + maxFields + " fields");
            Object existing = fields.get(path);
            if (existing == null) {
                fields.put(path, inArray ? newList(value) : value);
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
    }

    /** Marks lists the flattener built, so a later value at the same path is appended rather than nested. */
    private static final class ListValue extends ArrayList<Object> {
        ListValue() {
            super(4);
        }
    }
}
