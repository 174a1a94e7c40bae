package io.vigil.store;

import io.vigil.event.Event;
import java.util.Optional;

/**
 * Makes an event again from its raw bytes and the parse context it was stored with (the parser's
 * {@code reparse}). Given one, the store keeps only the raw bytes of events that carry a parse context, instead
 * of the raw bytes plus their fields; it re-parses them when they are read.
 */
@FunctionalInterface
public interface EventReparser {
    /** The event with this id made from {@code original}, or empty when the context cannot make it. */
    Optional<Event> reparse(String id, byte[] original, byte[] parseContext);
}
