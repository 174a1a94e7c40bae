package io.vigil.detect;

import io.vigil.event.Event;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The detection stage's entry point: evaluates each event against the current {@link RuleSet}. Reloading
 * swaps in a new immutable rule set atomically, so an evaluation sees either the old or the new rules,
 * never a mix. Thread-safe.
 */
public final class DetectionEngine {

    private final AtomicReference<RuleSet> current;

    public DetectionEngine(RuleSet initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public List<Match> evaluate(Event event) {
        return current.get().evaluate(event);
    }

    /** Replaces the rules; returns the previous set. */
    public RuleSet swap(RuleSet next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }

    public RuleSet rules() {
        return current.get();
    }
}
