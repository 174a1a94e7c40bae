package io.vigil.event;

import java.util.Objects;

/**
 * An event on its way into the store with the raw text it came from.
 *
 * @param event    the normalized event (what is indexed)
 * @param original the raw bytes as received (what is stored, compressed, and shown back)
 */
public record StoredEvent(Event event, byte[] original) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(original, "original");
    }
}
