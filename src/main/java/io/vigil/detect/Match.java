package io.vigil.detect;

import io.vigil.detect.rule.SigmaRule;
import io.vigil.event.Event;
import java.util.Objects;

/** A rule that fired on an event. */
public record Match(SigmaRule rule, Event event) {

    public Match {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(event, "event");
    }

    public String eventId() {
        return event.id();
    }
}
