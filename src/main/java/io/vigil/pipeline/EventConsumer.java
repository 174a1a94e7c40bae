package io.vigil.pipeline;

import io.vigil.event.StoredEvent;
import java.util.List;

/**
 * A stage that sees every parsed event before it is stored (detection). Called on the pipeline thread in
 * journal order; it must not block for long. On replay after a crash it sees events again, so what it
 * produces must be idempotent (e.g. alert ids derived from rule and event ids).
 */
@FunctionalInterface
public interface EventConsumer {
    void accept(List<StoredEvent> events, long position);

    /** Makes what {@link #accept} produced durable; called before every store commit. */
    default void flush() {}

    EventConsumer NONE = (events, position) -> {};
}
