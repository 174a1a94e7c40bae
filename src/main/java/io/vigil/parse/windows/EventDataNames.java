package io.vigil.parse.windows;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The output names {@code winlog.event_data.<Name>} and {@code winlog.user_data.<Name>}, made once per name
 * rather than concatenated for every field of every event. The names come from a few hundred Windows event
 * schemas, so the cache stays small; past {@link #MAX_NAMES} (a source inventing names) it stops growing and
 * names are concatenated as before. Thread-safe.
 */
final class EventDataNames {
    static final String EVENT_DATA = "winlog.event_data.";
    static final String USER_DATA = "winlog.user_data.";
    private static final int MAX_NAMES = 20_000;
    private static final ConcurrentHashMap<String, String> EVENT_DATA_NAMES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> USER_DATA_NAMES = new ConcurrentHashMap<>();

    private EventDataNames() {}

    static String eventData(String name) {
        return cached(EVENT_DATA_NAMES, EVENT_DATA, name);
    }

    static String userData(String name) {
        return cached(USER_DATA_NAMES, USER_DATA, name);
    }

    private static String cached(ConcurrentHashMap<String, String> names, String prefix, String name) {
        String full = names.get(name);
        if (full != null) return full;
        full = prefix + name;
        if (names.size() < MAX_NAMES) names.putIfAbsent(name, full);
        return full;
    }
}
