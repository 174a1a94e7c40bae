package io.vigil.detect;

import io.vigil.detect.correlate.CorrelationEngine;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.detect.correlate.CorrelationMatch;
import io.vigil.detect.correlate.CorrelationState;
import io.vigil.detect.correlate.Observation;
import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The detection stage as the pipeline calls it: {@link #detect} runs every event through the current
 * {@link RuleSet} and feeds the matches to a {@link CorrelationEngine}, returning single-event and
 * correlation {@link Detection}s in event order. Rules that a correlation refers to report only through
 * it unless a correlation says {@code generate: true} (Sigma specification).
 *
 * <p>Reloads: the rule set is read from the shared {@link DetectionEngine} at each call; when its
 * correlations changed, the correlation state starts afresh. Thread-confined: one detector per pipeline
 * thread (the correlation state is not synchronized).
 */
public final class Detector {

    private final DetectionEngine engine;
    private final CorrelationLimits limits;
    private RuleSet current;
    private CorrelationEngine correlations;
    private FieldReader fields;

    public Detector(DetectionEngine engine, CorrelationLimits limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A detector over a fixed rule set with the default limits. */
    public Detector(RuleSet rules) {
        this(new DetectionEngine(rules), CorrelationLimits.DEFAULT);
    }

    public List<Detection> detect(List<Event> events) {
        RuleSet rules = engine.rules();
        if (rules != current) rebind(rules);
        Set<String> silent = correlations.correlations().silent();
        List<Detection> out = new ArrayList<>();
        for (Event event : events) {
            for (Match m : rules.evaluate(event)) {
                if (!silent.contains(m.rule().id())) out.add(Detection.of(m));
                for (CorrelationMatch c : correlations.accept(observation(m))) {
                    if (!silent.contains(c.correlation().id())) out.add(Detection.of(c));
                }
            }
        }
        return out;
    }

    private Observation observation(Match m) {
        Event e = m.event();
        return new Observation(m.rule().id(), e.timestamp(), List.of(e.id()), fields.of(e), FieldReader.host(e),
                FieldReader.user(e));
    }

    private void rebind(RuleSet rules) {
        if (current == null || rules.correlationSet() != current.correlationSet()) {
            correlations = new CorrelationEngine(rules.correlationSet(), limits);
        }
        fields = rules.fieldReader();
        current = rules;
    }

    /** The correlation state as a value (for a checkpoint); the detector is unchanged. */
    public CorrelationState correlationState() {
        if (correlations == null) rebind(engine.rules());
        return correlations.snapshot();
    }

    /**
     * Replaces the correlation state with {@code state} (a checkpoint), over the current rules: windows of
     * correlations that are gone or changed are dropped. {@link CorrelationState#EMPTY} starts afresh.
     */
    public void restoreCorrelations(CorrelationState state) {
        RuleSet rules = engine.rules();
        rebind(rules);
        correlations = CorrelationEngine.restore(rules.correlationSet(), limits, state);
    }

    /** Counters of the correlation state (groups, evictions, dropped and late events). */
    public CorrelationEngine.Stats correlationStats() {
        if (correlations == null) rebind(engine.rules());
        return correlations.stats();
    }
}
