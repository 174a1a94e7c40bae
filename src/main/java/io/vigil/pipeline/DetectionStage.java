package io.vigil.pipeline;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import io.vigil.detect.Detection;
import io.vigil.detect.Detector;
import io.vigil.detect.correlate.CorrelationMatch;
import io.vigil.detect.correlate.CorrelationState;
import io.vigil.detect.correlate.CorrelationStateFile;
import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection in the pipeline: every parsed event goes through the rules and correlations before it is stored;
 * detections become alerts, saved idempotently (a replay raises the same ids), and new alerts go to the
 * listener (incidents, notifications). Runs on the pipeline thread only.
 *
 * <p>Correlation windows span records, so the stage checkpoints them with each store commit
 * ({@link #checkpointingTo}) and restores them when the pipeline starts or retries: after restore plus the
 * replay the pipeline arranges, the windows equal those of a run that never stopped, so a correlation fires on
 * the same events and gets the same alert id.
 */
public final class DetectionStage implements EventConsumer {
    private static final Logger log = LoggerFactory.getLogger(DetectionStage.class);
    private final Detector detector;
    private final AlertRepository alerts;
    private final Clock clock;
    private final Consumer<List<Alert>> onNewAlerts;
    private final Runnable durableFlush;
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong raised = new AtomicLong();
    private CorrelationStateFile stateFile;
    /** The last checkpoint written (or restored); a retry after a store failure restores it without reading the file. */
    private CorrelationStateFile.Saved lastCheckpoint;
    /** Records below this were already fed to the restored state (checkpoint newer than the store's commit). */
    private long acceptFrom;

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

    /**
     * Checkpoints the correlation state to {@code file} after every store commit and restores it on start, so
     * correlation windows survive a crash. Call before the pipeline starts.
     */
    public DetectionStage checkpointingTo(CorrelationStateFile file) {
        this.stateFile = file;
        return this;
    }

    @Override
    public void accept(List<StoredEvent> events, long position) {
        if (position < acceptFrom) return; // already in the restored state, and its alerts already saved
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

    @Override
    public void checkpoint(long position) throws IOException {
        if (lastCheckpoint != null && lastCheckpoint.position() == position) return; // nothing accepted since
        CorrelationState state = detector.correlationState();
        if (stateFile != null) stateFile.write(position, state);
        lastCheckpoint = new CorrelationStateFile.Saved(position, state);
    }

    @Override
    public long restore() {
        CorrelationStateFile.Saved saved = lastCheckpoint != null ? lastCheckpoint : readCheckpoint();
        lastCheckpoint = saved;
        detector.restoreCorrelations(saved == null ? CorrelationState.EMPTY : saved.state());
        acceptFrom = saved == null ? 0 : saved.position();
        if (saved != null) {
            log.info("correlation state restored: {} open window(s) as of journal position {}",
                    detector.correlationStats().groups(), saved.position());
        }
        return saved == null ? Long.MAX_VALUE : saved.position();
    }

    private CorrelationStateFile.Saved readCheckpoint() {
        if (stateFile == null) return null;
        try {
            return stateFile.read().orElse(null);
        } catch (IOException e) {
            log.warn("{}; correlations start with empty windows (alerts whose window began before the last commit"
                    + " may be missed); the file is replaced at the next commit", e.getMessage());
            return null;
        }
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
