package io.vigil.parse.windows;

import io.vigil.event.FrozenFields;
import java.util.Map;
import java.util.Objects;

/**
 * One Windows event in a shape-independent form: what every rendering (evtx_dump JSON, NXLog/OTRF flat
 * JSON, Winlogbeat, raw XML) carries, before mapping to ECS. Absent values are null.
 *
 * @param channel   canonical channel name ({@link Channels#canonical})
 * @param eventId   the event id as text ("4624")
 * @param time      the event's own time as the source wrote it, or null
 * @param eventData EventData fields by their original names, values as text (or lists of text)
 * @param userData  UserData leaf fields by name (the wrapper element dropped, as Winlogbeat does)
 * @param message   the rendered message when the source included one
 */
public record WindowsRecord(String channel, String eventId, String providerName, String computerName,
                            String recordId, Long processId, Long threadId, String userId, String time,
                            Map<String, Object> eventData, Map<String, Object> userData, String message) {
    public WindowsRecord {
        Objects.requireNonNull(eventId, "eventId");
        eventData = FrozenFields.of(eventData);
        userData = FrozenFields.of(userData);
    }

    /** An EventData value, then a UserData value, as text; null when neither has it. */
    public String data(String name) {
        Object v = eventData.get(name);
        if (v == null) v = userData.get(name);
        if (v instanceof java.util.List<?> list) v = list.isEmpty() ? null : list.getFirst();
        return v == null ? null : v.toString();
    }
}
