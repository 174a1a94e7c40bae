package io.vigil.parse.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Streams one JSON object straight into a flat map of dotted keys, without building a tree.
 *
 * <p>Rules: nested objects and dotted keys are the same thing ({@code {"a":{"b":1},"a.c":2}} gives
 * {@code a.b} and {@code a.c}); arrays of scalars become a {@link List}; inside arrays of objects every leaf
 * path collects a List; integers become {@link Long} (beyond 64 bits: the digits as text), other numbers
 * {@link Double}; nulls and empty containers are dropped; a key seen twice keeps both values as a List.
 *
 * <p>Byte input goes through {@link FastFlattener} first, which gives the same map without Jackson's token
 * objects for the common case; whatever it does not settle (errors, limits, unusual encodings) is read here,
 * so failures keep Jackson's wording. {@link #jacksonOnly} skips the fast reader: it is the reference the fast
 * reader is tested and measured against.
 *
 * <p>Thread-safe: the factory is shared and each call uses its own parser.
 */
public final class JsonFlattener {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build())
            .build();

    private final FlattenLimits limits;
    private final boolean fastFirst;

    public JsonFlattener(FlattenLimits limits) {
        this(limits, true);
    }

    private JsonFlattener(FlattenLimits limits, boolean fastFirst) {
        this.limits = limits;
        this.fastFirst = fastFirst;
    }

    /** A flattener that reads every document with Jackson alone: same rules and messages, no fast reader. */
    public static JsonFlattener jacksonOnly(FlattenLimits limits) {
        return new JsonFlattener(limits, false);
    }

    public JsonFlattener() {
        this(FlattenLimits.DEFAULT);
    }

    public Map<String, Object> flatten(byte[] json) throws FlattenException {
        return flatten(json, 0, json.length);
    }

    public Map<String, Object> flatten(byte[] json, int offset, int length) throws FlattenException {
        if (fastFirst) {
            Map<String, Object> fast = FastFlattener.flatten(json, offset, length, limits);
            if (fast != null) return fast;
        }
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
        FlatSink sink = new FlatSink(limits.maxFields());
        readObject(parser, "", 1, false, sink);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new FlattenException("is not a JSON object: unexpected " + tokenName(trailing)
                    + " after the object at column " + parser.currentLocation().getColumnNr());
        }
        return sink.fields;
    }

    /** Reads the members of an object whose START_OBJECT was just consumed. */
    private void readObject(JsonParser p, String prefix, int depth, boolean inArray, FlatSink sink)
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

    private void readValue(JsonParser p, JsonToken t, String path, int depth, boolean inArray, FlatSink sink)
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

    private void readArray(JsonParser p, String path, int depth, FlatSink sink) throws IOException, FlattenException {
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
}
