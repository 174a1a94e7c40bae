package io.vigil.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Column conversions shared by the incident tables: string lists as JSON arrays, nullable instants. */
final class SqlJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlJson() {
    }

    static String list(java.util.Collection<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readList(String text) {
        try {
            return text == null ? List.of() : JSON.readValue(text, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt list column: " + e.getMessage(), e);
        }
    }

    static Set<String> readSet(String text) {
        return new LinkedHashSet<>(readList(text));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
