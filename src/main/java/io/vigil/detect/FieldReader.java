package io.vigil.detect;

import io.vigil.detect.compile.Dialect;
import io.vigil.detect.compile.FieldMapping;
import io.vigil.detect.compile.LogSourceRouting;
import io.vigil.event.Event;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a field named as in Sigma rules ({@code User}, {@code ComputerName}, or an ECS name) from an event,
 * through the same field mapping the rules use. Caches the key lists; not thread-safe.
 */
final class FieldReader {

    private static final List<String> HOST_KEYS = List.of("host.name", "winlog.computer_name", "host.hostname",
            "log.syslog.hostname");
    private static final List<String> USER_KEYS = List.of("user.name", "winlog.event_data.TargetUserName",
            "winlog.event_data.SubjectUserName", "winlog.event_data.User");

    private final FieldMapping mapping;
    private final LogSourceRouting routing;
    private final Map<Dialect, Map<String, List<String>>> keys = new EnumMap<>(Dialect.class);

    FieldReader(FieldMapping mapping, LogSourceRouting routing) {
        this.mapping = mapping;
        this.routing = routing;
    }

    /** A reader of the event's fields by Sigma name; values as text, the first of a list. */
    java.util.function.Function<String, String> of(Event event) {
        Dialect dialect = routing.dialectOf(event);
        Map<String, List<String>> byField = keys.computeIfAbsent(dialect, d -> new HashMap<>());
        return field -> {
            for (String key : byField.computeIfAbsent(field, f -> mapping.keysFor(f, dialect))) {
                String v = event.text(key);
                if (v != null) return v;
            }
            return null;
        };
    }

    static String host(Event e) {
        return first(e, HOST_KEYS);
    }

    static String user(Event e) {
        return first(e, USER_KEYS);
    }

    private static String first(Event e, List<String> keys) {
        for (String k : keys) {
            String v = e.text(k);
            if (v != null && !v.isEmpty() && !v.equals("-")) return v;
        }
        return null;
    }
}
