package io.vigil.parse.json;

import java.util.Map;

/**
 * Reads one JSON object from UTF-8 bytes straight into {@link FlatSink}, with exactly the rules of
 * {@link JsonFlattener} (which documents them), for the documents that are plainly valid: strict RFC 8259,
 * well-formed UTF-8, within the limits. Anything else — a syntax error, a limit reached, a malformed byte,
 * a very long token — answers null and {@link JsonFlattener} reads the document with Jackson, so errors and
 * edge cases behave exactly as before.
 *
 * <p>Why: on Windows events Jackson's per-token work (name canonicalization, char buffers, then compressing
 * each value back to a Latin-1 String) was about half of the parse stage. Here string contents are scanned
 * eight bytes at a time, plain ASCII values become Strings with one copy, and field names are shared through
 * {@link FieldNames} (the token work is in {@link JsonByteLexer}). Each call uses its own instance; thread-safe.
 */
final class FastFlattener {
    private final JsonByteLexer in;
    private final int maxDepth;
    private final FlatSink sink;

    private FastFlattener(byte[] b, int offset, int length, FlattenLimits limits) {
        this.in = new JsonByteLexer(b, offset, length);
        this.maxDepth = limits.maxDepth();
        this.sink = new FlatSink(limits.maxFields());
    }

    /** The flattened document, or null when Jackson must decide. */
    static Map<String, Object> flatten(byte[] json, int offset, int length, FlattenLimits limits) {
        FastFlattener reader = new FastFlattener(json, offset, length, limits);
        try {
            reader.in.skipSpace();
            reader.in.expect('{');
            reader.readObject("", 1, false);
            reader.in.skipSpace();
            return reader.in.atEnd() ? reader.sink.fields : null;
        } catch (JsonByteLexer.Unsettled | FlattenException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Reads the members of an object whose '{' was just consumed. */
    private void readObject(String prefix, int depth, boolean inArray) throws FlattenException {
        if (depth > maxDepth) throw JsonByteLexer.UNSETTLED;
        in.skipSpace();
        if (in.peek() == '}') {
            in.next();
            return;
        }
        while (true) {
            in.expect('"');
            String name = in.name();
            String path = prefix.isEmpty() ? name : prefix + '.' + name;
            in.skipSpace();
            in.expect(':');
            in.skipSpace();
            readValue(path, depth, inArray);
            in.skipSpace();
            byte c = in.next();
            if (c == '}') return;
            if (c != ',') throw JsonByteLexer.UNSETTLED;
            in.skipSpace();
        }
    }

    private void readArray(String path, int depth) throws FlattenException {
        if (depth > maxDepth) throw JsonByteLexer.UNSETTLED;
        in.skipSpace();
        if (in.peek() == ']') {
            in.next();
            return;
        }
        while (true) {
            readValue(path, depth, true);
            in.skipSpace();
            byte c = in.next();
            if (c == ']') return;
            if (c != ',') throw JsonByteLexer.UNSETTLED;
            in.skipSpace();
        }
    }

    private void readValue(String path, int depth, boolean inArray) throws FlattenException {
        switch (in.peek()) {
            case '{' -> { in.next(); readObject(path, depth + 1, inArray); }
            case '[' -> { in.next(); readArray(path, depth + 1); }
            case '"' -> { in.next(); add(path, in.value(), inArray); }
            case 't' -> { in.literal("true"); add(path, Boolean.TRUE, inArray); }
            case 'f' -> { in.literal("false"); add(path, Boolean.FALSE, inArray); }
            case 'n' -> in.literal("null");
            default -> add(path, in.number(), inArray);
        }
    }

    private void add(String path, Object value, boolean inArray) throws FlattenException {
        if (!sink.hasRoom()) throw JsonByteLexer.UNSETTLED;
        sink.add(path, value, inArray);
    }
}
