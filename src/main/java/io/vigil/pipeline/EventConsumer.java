package io.vigil.pipeline;

import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.util.List;

/**
 * A stage that sees every parsed event before it is stored (detection). Called on the pipeline thread in
 * journal order; it must not block for long. On replay after a crash it sees events again, so what it
 * produces must be idempotent (e.g. alert ids derived from rule and event ids).
 *
 * <p>A consumer with state that spans records (correlation windows) checkpoints it: {@link #checkpoint} after
 * every store commit, {@link #restore} when the pipeline starts or retries, and the pipeline replays the
 * journal from the older of the store's commit and the checkpoint.
 */
@FunctionalInterface
public interface EventConsumer {
    void accept(List<StoredEvent> events, long position);

    /** Makes what {@link #accept} produced durable; called before every store commit. */
    default void flush() {}

    /**
     * Makes the consumer's state durable as of {@code position}: every record below it was accepted, none at or
     * above. Called after each successful store commit and before the journal may release those records; an
     * exception is handled like a store failure (retry from the last commit).
     */
    default void checkpoint(long position) throws IOException {}

    /**
     * Replaces the in-memory state with the last checkpoint (or an empty state when there is none) and returns
     * the journal position it covers, from where the consumer must see records again; {@link Long#MAX_VALUE}
     * when it needs no replay beyond the store's.
     */
    default long restore() {
        return Long.MAX_VALUE;
    }

    EventConsumer NONE = (events, position) -> {};
}
