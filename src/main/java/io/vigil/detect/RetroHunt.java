package io.vigil.detect;

import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a rule set, correlations included, over stored or archived events (oldest first for correlations
 * to see time advance as it did). Stateless between runs: every run starts with empty correlation state.
 */
public final class RetroHunt {

    private static final int BATCH = 1024;

    private RetroHunt() {}

    /** Every detection over the events. */
    public static List<Detection> run(RuleSet rules, Iterator<Event> events) {
        List<Detection> out = new ArrayList<>();
        run(rules, events, CorrelationLimits.DEFAULT, out::add);
        return out;
    }

    /** Streams the detections to {@code sink} as they are found; returns how many events were read. */
    public static long run(RuleSet rules, Iterator<Event> events, CorrelationLimits limits, Consumer<Detection> sink) {
        return run(List.of(rules), events, limits, sink);
    }

    /**
     * Like {@link #run(RuleSet, Iterator, CorrelationLimits, Consumer)} with several rule sets in one pass
     * over the events (e.g. a server's loaded rules and rules sent along with the hunt); each set keeps its
     * own correlation state.
     */
    public static long run(List<RuleSet> ruleSets, Iterator<Event> events, CorrelationLimits limits, Consumer<Detection> sink) {
        List<Detector> detectors = ruleSets.stream().map(r -> new Detector(new DetectionEngine(r), limits)).toList();
        List<Event> batch = new ArrayList<>(BATCH);
        long read = 0;
        while (events.hasNext()) {
            batch.add(events.next());
            read++;
            if (batch.size() == BATCH) {
                for (Detector d : detectors) d.detect(batch).forEach(sink);
                batch.clear();
            }
        }
        for (Detector d : detectors) d.detect(batch).forEach(sink);
        return read;
    }
}
