package io.vigil.event;

import java.util.Objects;

/**
 * An event on its way into the store with the raw text it came from.
 *
 * @param event        the normalized event (what is indexed)
 * @param original     the raw bytes as received (what is stored, compressed, and shown back)
 * @param parseContext what the parser needs to make {@code event} again from {@code original} (which decoder,
 *                     the batch's origin and receipt time; opaque to every other stage), or null when the event
 *                     cannot be re-made that way. With it, the store may keep only the raw bytes.
 */
public record StoredEvent(Event event, byte[] original, byte[] parseContext) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(original, "original");
    }

    /** An event that can only be stored with its fields (no parse context). */
    public StoredEvent(Event event, byte[] original) {
        this(event, original, null);
    }
}
