package io.vigil.pipeline;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import io.vigil.detect.Detection;
import io.vigil.detect.Detector;
import io.vigil.detect.correlate.CorrelationMatch;
import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Detection in the pipeline: every parsed event goes through the rules and correlations before it is stored;
 * detections become alerts, saved idempotently (a replay raises the same ids), and new alerts go to the
 * listener (incidents, notifications). Runs on the pipeline thread only.
 */
public final class DetectionStage implements EventConsumer {
    private final Detector detector;
    private final AlertRepository alerts;
    private final Clock clock;
    private final Consumer<List<Alert>> onNewAlerts;
    private final Runnable durableFlush;
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong raised = new AtomicLong();

    /**
     * @param durableFlush makes saved alerts durable; run before every store commit
     */
    public DetectionStage(Detector detector, AlertRepository alerts, Clock clock, Consumer<List<Alert>> onNewAlerts,
                          Runnable durableFlush) {
        this.detector = detector;
        this.alerts = alerts;
        this.clock = clock;
        this.onNewAlerts = onNewAlerts;
        this.durableFlush = durableFlush;
    }

    @Override
    public void accept(List<StoredEvent> events, long position) {
        List<Event> plain = new ArrayList<>(events.size());
        for (StoredEvent e : events) plain.add(e.event());
        List<Detection> detections = detector.detect(plain);
        evaluated.addAndGet(events.size());
        if (detections.isEmpty()) return;
        List<Alert> found = new ArrayList<>(detections.size());
        for (Detection d : detections) found.add(toAlert(d));
        List<Alert> fresh = alerts.saveNew(found);
        raised.addAndGet(fresh.size());
        if (!fresh.isEmpty()) onNewAlerts.accept(fresh);
    }

    @Override
    public void flush() {
        durableFlush.run();
    }

    private Alert toAlert(Detection d) {
        return new Alert(Alert.idFor(d.ruleId(), d.eventIds()), d.ruleId(), d.ruleTitle(), d.level(), d.tags(),
                d.eventIds(), d.host(), d.user(), Instant.ofEpochMilli(d.time()), clock.instant(), null, details(d));
    }

    private static Map<String, Object> details(Detection d) {
        CorrelationMatch c = d.correlation();
        if (c == null) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("correlation", c.correlation().rule().title());
        out.put("group", c.group());
        out.put("first", Instant.ofEpochMilli(c.firstTime()).toString());
        out.put("last", Instant.ofEpochMilli(c.lastTime()).toString());
        out.put("events", c.eventIds().size());
        if (c.stateTruncated()) out.put("state_truncated", true);
        return out;
    }

    public long eventsEvaluated() {
        return evaluated.get();
    }

    public long alertsRaised() {
        return raised.get();
    }
}
