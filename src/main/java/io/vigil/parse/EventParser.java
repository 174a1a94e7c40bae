package io.vigil.parse;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import java.util.List;

/**
 * The parse stage: turns a durable raw batch into normalized events. Never throws on bad data: a line it
 * cannot understand becomes an event tagged {@code _parse_failure} with {@code event.original} and
 * {@code error.message}.
 *
 * <p>Event ids are derived from {@code position} and the line's index in the batch, so a replay of the
 * same journal record produces the same ids.
 */
public interface EventParser {
    List<StoredEvent> parse(RawBatch batch, long position);

    /** The id of line {@code index} of the journal record at {@code position}. */
    static String eventId(long position, int index) {
        return Long.toString(position, 36) + "-" + Integer.toString(index, 36);
    }
}
