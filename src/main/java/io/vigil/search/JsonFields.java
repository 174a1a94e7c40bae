package io.vigil.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Set;

/** Typed reads of request JSON that fail with a {@link SearchException} naming the offending key. */
final class JsonFields {
    static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private JsonFields() {}

    /** The string at {@code key}, or null when absent or JSON null. */
    static String optionalText(JsonNode object, String key) throws SearchException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw new SearchException("'" + key + "' must be a string, got " + node.getNodeType(), -1);
        return node.textValue();
    }

    /** A string, long, double or boolean; null for anything else. */
    static Object scalar(JsonNode node) {
        if (node.isTextual()) return node.textValue();
        if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
        if (node.isNumber()) return node.doubleValue();
        if (node.isBoolean()) return node.booleanValue();
        return null;
    }

    /** Fails on the first key of {@code object} not in {@code known}; {@code where} names the object in the message. */
    static void requireOnly(JsonNode object, Set<String> known, String where) throws SearchException {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new SearchException("unknown key '" + name + "' in " + where + "; known keys are "
                        + String.join(", ", known.stream().sorted().toList()), -1);
            }
        }
    }
}
