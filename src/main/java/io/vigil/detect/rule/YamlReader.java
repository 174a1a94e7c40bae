package io.vigil.detect.rule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams every document of a YAML file into {@link YamlDocument}s, keeping the line of each key.
 * A token tree is built by hand (rather than {@code readTree}) because Jackson's tree drops locations.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final JsonParser parser;
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlReader(JsonParser parser) {
        this.parser = parser;
    }

    /** All documents in {@code in}; a document that is not a mapping is reported as an error. */
    static List<YamlDocument> readAll(Reader in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            List<YamlDocument> docs = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("line " + line + ": a Sigma document must be a mapping, found " + t);
                }
                YamlReader reader = new YamlReader(p);
                @SuppressWarnings("unchecked")
                Map<String, Object> root = (Map<String, Object>) reader.value("");
                docs.add(new YamlDocument(root, line, reader.lines));
            }
            return docs;
        }
    }

    private Object value(String path) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(path);
            case START_ARRAY -> sequence(path);
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            default -> parser.getText();
        };
    }

    private Object integer() throws IOException {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getText() : parser.getLongValue();
    }

    private Map<String, Object> mapping(String path) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String childPath = path.isEmpty() ? key : path + "/" + key;
            lines.put(childPath, parser.currentTokenLocation().getLineNr());
            parser.nextToken();
            out.put(key, value(childPath));
        }
        return out;
    }

    private List<Object> sequence(String path) throws IOException {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String childPath = path + "/" + i++;
            lines.putIfAbsent(childPath, parser.currentTokenLocation().getLineNr());
            out.add(value(childPath));
        }
        return out;
    }
}
