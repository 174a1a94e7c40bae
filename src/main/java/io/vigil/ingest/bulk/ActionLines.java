package io.vigil.ingest.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * The common action lines read without building a JSON tree: {@code {"index":{}}} by a byte comparison, and
 * {@code {"index"|"create"|...: {"_index": "...", "_id": "...", ...}}} with string or null values by one
 * streaming pass. Anything else (numbers as ids, nested metadata, trailing text, errors) returns null so that
 * {@link BulkRequestParser.ActionLine#parseTree} decides and words the error, exactly as before.
 */
final class ActionLines {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> ACTIONS = Set.of("index", "create", "update", "delete");
    private static final byte[] INDEX = "{\"index\":{}}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CREATE = "{\"create\":{}}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final BulkRequestParser.ActionLine PLAIN_INDEX = new BulkRequestParser.ActionLine("index", null, null, null);
    private static final BulkRequestParser.ActionLine PLAIN_CREATE = new BulkRequestParser.ActionLine("create", null, null, null);

    private ActionLines() {}

    /** The action when the line is one of the plain shapes above, else null. */
    static BulkRequestParser.ActionLine plain(byte[] bytes) {
        if (Arrays.equals(bytes, INDEX)) return PLAIN_INDEX;
        if (Arrays.equals(bytes, CREATE)) return PLAIN_CREATE;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) return null;
            String name = p.currentName();
            if (!ACTIONS.contains(name) || p.nextToken() != JsonToken.START_OBJECT) return null;
            String index = null;
            String id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) return null;
                String text = value == JsonToken.VALUE_NULL ? null : p.getText();
                if (field.equals("_index")) index = text;
                else if (field.equals("_id")) id = text;
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != JsonToken.END_OBJECT) return null;
            if (p.nextToken() != null) return null;
            return new BulkRequestParser.ActionLine(name, index, id, null);
        } catch (IOException e) {
            return null;
        }
    }
}
