package io.vigil.detect;

import io.vigil.detect.rule.SigmaRule;
import java.util.Objects;

/** A rule that fired on an event. */
public record Match(SigmaRule rule, String eventId) {

    public Match {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(eventId, "eventId");
    }
}
