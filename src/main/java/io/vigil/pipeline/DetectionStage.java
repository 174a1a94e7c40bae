package io.vigil.pipeline;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import io.vigil.detect.DetectionEngine;
import io.vigil.detect.Match;
import io.vigil.detect.rule.SigmaRule;
import io.vigil.event.EcsFields;
import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Detection in the pipeline: every parsed event goes through the rule engine before it is stored; matches
 * become alerts, saved idempotently (a replay raises the same ids), and new alerts go to the listener
 * (incidents, notifications). Runs on the pipeline thread.
 */
public final class DetectionStage implements EventConsumer {
    private final DetectionEngine engine;
    private final AlertRepository alerts;
    private final Clock clock;
    private final Consumer<List<Alert>> onNewAlerts;
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong raised = new AtomicLong();
    private final Runnable durableFlush;

    public DetectionStage(DetectionEngine engine, AlertRepository alerts, Clock clock, Consumer<List<Alert>> onNewAlerts,
                          Runnable durableFlush) {
        this.engine = engine;
        this.alerts = alerts;
        this.clock = clock;
        this.onNewAlerts = onNewAlerts;
        this.durableFlush = durableFlush;
    }

    @Override
    public void accept(List<StoredEvent> events, long position) {
        List<Alert> found = new ArrayList<>();
        for (StoredEvent stored : events) {
            Event event = stored.event();
            for (Match match : engine.evaluate(event)) found.add(toAlert(match.rule(), event));
        }
        evaluated.addAndGet(events.size());
        if (found.isEmpty()) return;
        List<Alert> fresh = alerts.saveNew(found);
        raised.addAndGet(fresh.size());
        if (!fresh.isEmpty()) onNewAlerts.accept(fresh);
    }

    @Override
    public void flush() {
        durableFlush.run();
    }

    private Alert toAlert(SigmaRule rule, Event event) {
        List<String> ids = List.of(event.id());
        return new Alert(Alert.idFor(rule.id(), ids), rule.id(), rule.title(), rule.level(), rule.tags(), ids,
                event.text(EcsFields.HOST_NAME), event.text(EcsFields.USER_NAME), Instant.ofEpochMilli(event.timestamp()),
                clock.instant(), null, Map.of());
    }

    public long eventsEvaluated() {
        return evaluated.get();
    }

    public long alertsRaised() {
        return raised.get();
    }
}
