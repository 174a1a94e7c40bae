package io.vigil.store;

import io.vigil.event.EcsFields;
import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an event is stored as its raw bytes alone (re-parsed on read) and reads such events back.
 *
 * <p>Raw-only storage is exact only if re-parsing is deterministic, which the parser guarantees by
 * construction (a parse depends on the line and its {@link StoredEvent#parseContext()} only). This class does
 * not take that on trust: every {@value #VERIFY_EVERY}th event of each indexing thread is re-parsed at write time and compared with
 * what was indexed; one difference switches raw-only storage off for the life of the store (events then keep
 * their fields, as without a reparser), logs the event id, and is counted in {@link #mismatches()}.
 * Thread-safe.
 */
final class RawEvents {
    private static final Logger log = LoggerFactory.getLogger(RawEvents.class);
    static final String REPARSE_FAILURE_TAG = "_reparse_failure";
    private static final int VERIFY_EVERY = 1024;

    private final EventReparser reparser;
    private volatile boolean trusted;
    /** Events seen per indexing thread: a shared counter was a cache line the indexing threads fought over per event. */
    private final ThreadLocal<long[]> seen = ThreadLocal.withInitial(() -> new long[1]);
    private final AtomicLong mismatches = new AtomicLong();

    /** @param reparser null: every event keeps its fields */
    RawEvents(EventReparser reparser) {
        this.reparser = reparser;
        this.trusted = reparser != null;
    }

    /** True when {@code stored} may be kept as raw bytes + parse context only. */
    boolean rawOnly(StoredEvent stored) {
        if (!trusted || stored.parseContext() == null) return false;
        if (++seen.get()[0] % VERIFY_EVERY != 1) return true;
        Optional<Event> again = reparser.reparse(stored.event().id(), stored.original(), stored.parseContext());
        if (again.isPresent() && again.get().fields().equals(stored.event().fields())
                && again.get().timestamp() == stored.event().timestamp()) {
            return true;
        }
        trusted = false;
        mismatches.incrementAndGet();
        log.error("re-parsing event {} did not give the event that was indexed; storing every event with its fields"
                + " from now on (correct, larger). Please report this parser bug with the raw line: {}",
                stored.event().id(), new String(stored.original(), StandardCharsets.UTF_8));
        return false;
    }

    long mismatches() {
        return mismatches.get();
    }

    /**
     * The event stored raw-only. If it cannot be re-parsed (a newer Vigil without that decoder), the event is
     * still shown: its raw text as {@code message} and {@code event.original}, tagged {@value #REPARSE_FAILURE_TAG}.
     */
    Event read(String id, long timestamp, byte[] original, byte[] parseContext) {
        Optional<Event> again = reparser == null ? Optional.empty() : reparser.reparse(id, original, parseContext);
        if (again.isPresent()) return new Event(id, timestamp, again.get().fields());
        String text = new String(original, StandardCharsets.UTF_8);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EcsFields.TIMESTAMP, io.vigil.parse.time.Timestamps.format(timestamp));
        fields.put(EcsFields.MESSAGE, text);
        fields.put(EcsFields.EVENT_ORIGINAL, text);
        fields.put(EcsFields.TAGS, new ArrayList<>(List.of(REPARSE_FAILURE_TAG)));
        fields.put(EcsFields.ERROR_MESSAGE, "this event was stored as its raw line and this version of Vigil could not"
                + " parse it again (its decoder is missing or changed); its indexed fields are still searchable");
        return new Event(id, timestamp, fields);
    }
}
