package io.vigil.parse.json;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import java.util.List;
import java.util.Map;

/**
 * Decodes a line holding one JSON object: flattens it with {@link JsonFlattener}, then lets the first
 * {@link JsonNormalizer} that recognises the document rewrite it (Windows events, for example); otherwise
 * the flattened document is the event.
 *
 * <p>Lines that do not start with '{' or '[' (after whitespace and a BOM) are not claimed, so that other
 * decoders may try them; anything that starts like JSON but is not one valid object is {@code Failed}.
 */
public final class JsonDecoder implements Decoder {
    public static final String NAME = "json";

    private final JsonFlattener flattener;
    private final List<JsonNormalizer> normalizers;

    public JsonDecoder(JsonFlattener flattener, List<JsonNormalizer> normalizers) {
        this.flattener = flattener;
        this.normalizers = List.copyOf(normalizers);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        int start = firstSignificant(line);
        if (start == line.length || (line[start] != '{' && line[start] != '[')) return DecodeResult.notMine();
        Map<String, Object> flat;
        try {
            flat = flattener.flatten(line, start, line.length - start);
        } catch (FlattenException e) {
            return new DecodeResult.Failed(e.getMessage());
        }
        for (JsonNormalizer normalizer : normalizers) {
            Map<String, Object> normalized = normalizer.normalize(flat);
            if (normalized != null) return new DecodeResult.Decoded(normalized);
        }
        return new DecodeResult.Decoded(flat);
    }

    /** Index of the first byte that is neither whitespace nor part of a UTF-8 byte order mark. */
    static int firstSignificant(byte[] line) {
        int i = 0;
        if (line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < line.length && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n')) i++;
        return i;
    }
}
