package io.vigil.parse;

import io.vigil.event.EcsFields;
import io.vigil.parse.time.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides an event's {@code @timestamp}: the decoded {@code @timestamp} when it parses; otherwise the first
 * common time field that parses; otherwise the time the batch was received. A given {@code @timestamp} that
 * does not parse is kept under {@code vigil.original_timestamp} and the event is tagged
 * {@code _timestamp_failure}, so nothing the source sent is lost.
 */
final class EventTimestamps {
    static final String ORIGINAL_TIMESTAMP = "vigil.original_timestamp";
    static final List<String> FALLBACK_FIELDS =
            List.of("timestamp", "time", "TimeCreated", "UtcTime", "EventTime", "event.created");

    private final Timestamps timestamps;

    EventTimestamps(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** Removes {@code @timestamp} from {@code fields} (the caller writes it back formatted) and returns it. */
    long resolve(Map<String, Object> fields, long receivedAt) {
        Object given = fields.remove(EcsFields.TIMESTAMP);
        if (given != null) {
            long millis = timestamps.parse(given);
            if (millis != Timestamps.INVALID) return millis;
            fields.put(ORIGINAL_TIMESTAMP, given.toString());
            addTag(fields, DefaultEventParser.TIMESTAMP_FAILURE_TAG);
        }
        for (String name : FALLBACK_FIELDS) {
            Object value = fields.get(name);
            if (value != null) {
                long millis = timestamps.parse(value);
                if (millis != Timestamps.INVALID) return millis;
            }
        }
        return receivedAt;
    }

    static void addTag(Map<String, Object> fields, String tag) {
        Object tags = fields.get(EcsFields.TAGS);
        List<Object> list = new ArrayList<>();
        if (tags instanceof List<?> existing) list.addAll(existing);
        else if (tags != null) list.add(tags);
        if (!list.contains(tag)) list.add(tag);
        fields.put(EcsFields.TAGS, list);
    }
}
