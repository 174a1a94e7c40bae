package io.vigil.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One normalized security event: ECS fields flattened to dotted keys ({@code "source.ip"}), in the order
 * the decoder produced them.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean} or a {@link List} of those.
 * The flat form is what detection and the store consume; {@link EventJson} turns it back into nested JSON.
 *
 * @param id        stable identifier, derived from the journal position so that a replay yields the same id
 * @param timestamp {@code @timestamp} in epoch milliseconds (UTC)
 * @param fields    every field, including {@code @timestamp} and {@code event.ingested} as ISO strings
 */
public record Event(String id, long timestamp, Map<String, Object> fields) {

    public Event {
        Objects.requireNonNull(id, "id");
        fields = FrozenFields.of(fields);
    }

    /**
     * An event over {@code fields} without copying them: for a creator that built the map for this event alone
     * and never touches it again (the parser). Any other caller uses the constructor, which copies.
     */
    public static Event owning(String id, long timestamp, LinkedHashMap<String, Object> fields) {
        return new Event(id, timestamp, FrozenFields.handOver(fields));
    }

    /** The value at a dotted path, or null. */
    public Object get(String path) {
        return fields.get(path);
    }

    /** The value at a dotted path as text (first element of a list), or null. */
    public String text(String path) {
        Object v = fields.get(path);
        if (v instanceof List<?> list) v = list.isEmpty() ? null : list.get(0);
        return v == null ? null : v.toString();
    }

    /** True when the event carries {@code tag} in {@code tags}. */
    public boolean hasTag(String tag) {
        Object v = fields.get(EcsFields.TAGS);
        return v instanceof List<?> list ? list.contains(tag) : tag.equals(v);
    }
}
