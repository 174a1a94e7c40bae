package io.vigil.parse.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.EcsFields;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.EventParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Health of every log source as the parse stage sees it: events/s and bytes/s (1- and 5-minute moving
 * rates), parse failures, first and last event, and silence. A source is named by its batch's index, or
 * else by its input and peer address ({@code syslog-udp/10.0.0.5}).
 *
 * <p>Feed it with {@link #record} after each parsed batch, or wrap the parser with {@link #observing}. Call
 * {@link #checkSilence()} periodically (every 30 s is plenty): a source seen before that has been quiet
 * longer than its limit is reported once to the {@link SourceHealthListener}, and again only after it has
 * sent and fallen silent anew. {@link #snapshot()} and {@link #snapshotJson()} serve {@code /api/sources}.
 *
 * <p>Thread-safe: sources live in a concurrent map and each source's counters are guarded by their own
 * lock, so the pipeline thread can record while HTTP threads read.
 */
public final class SourceHealth {
    /** The name under which sources beyond {@link SourceHealthConfig#maxSources()} are counted together. */
    public static final String OTHER_SOURCES = "(other sources)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceHealthConfig config;
    private final Clock clock;
    private final SourceHealthListener listener;
    private final Map<String, SourceStats> sources = new ConcurrentHashMap<>();

    public SourceHealth(SourceHealthConfig config, Clock clock, SourceHealthListener listener) {
        this.config = config;
        this.clock = clock;
        this.listener = listener;
    }

    /** The name a batch's source is tracked under. */
    public static String sourceName(RawBatch batch) {
        if (!batch.index().isEmpty()) return batch.index();
        return batch.sourceAddress().isEmpty() ? batch.source() : batch.source() + "/" + batch.sourceAddress();
    }

    /** Counts a parsed batch: its lines, their bytes, and the events tagged as parse failures. */
    public void record(RawBatch batch, List<StoredEvent> events) {
        long bytes = 0;
        for (byte[] line : batch.lines()) bytes += line.length;
        long failures = 0;
        for (StoredEvent e : events) if (e.event().hasTag(EcsFields.PARSE_FAILURE_TAG)) failures++;
        long now = clock.millis();
        stats(sourceName(batch), now).record(batch.size(), bytes, failures, now);
    }

    /** A parser that records every batch it parses here. */
    public EventParser observing(EventParser parser) {
        return (batch, position) -> {
            List<StoredEvent> events = parser.parse(batch, position);
            record(batch, events);
            return events;
        };
    }

    /** Reports each source that has newly exceeded its silence limit to the listener, and returns them. */
    public List<SilentSource> checkSilence() {
        long now = clock.millis();
        List<SilentSource> silent = new ArrayList<>();
        sources.forEach((name, stats) -> {
            SilentSource s = stats.newSilence(config.maxSilenceFor(name), now);
            if (s != null) silent.add(s);
        });
        silent.sort(Comparator.comparing(SilentSource::name));
        for (SilentSource s : silent) listener.silent(s);
        return silent;
    }

    /** Every source's status, by name. */
    public List<SourceStatus> snapshot() {
        long now = clock.millis();
        List<SourceStatus> out = new ArrayList<>();
        sources.forEach((name, stats) -> out.add(stats.status(config.maxSilenceFor(name), now)));
        out.sort(Comparator.comparing(SourceStatus::name));
        return out;
    }

    /**
     * The snapshot as the {@code /api/sources} body: {@code {"sources":[{"name", "events_per_s",
     * "events_per_s_5m", "bytes_per_s", "bytes_per_s_5m", "events", "bytes", "parse_failures",
     * "parse_failures_per_s", "parse_failure_ratio", "first_seen", "last_event", "silent"}]}}, times in ISO-8601.
     */
    public String snapshotJson() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SourceStatus s : snapshot()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("events_per_s", round(s.eventsPerSecond()));
            row.put("events_per_s_5m", round(s.eventsPerSecond5m()));
            row.put("bytes_per_s", round(s.bytesPerSecond()));
            row.put("bytes_per_s_5m", round(s.bytesPerSecond5m()));
            row.put("events", s.events());
            row.put("bytes", s.bytes());
            row.put("parse_failures", s.parseFailures());
            row.put("parse_failures_per_s", round(s.parseFailuresPerSecond()));
            row.put("parse_failure_ratio", round(s.parseFailureRatio()));
            row.put("first_seen", s.firstSeen().toString());
            row.put("last_event", s.lastEvent().toString());
            row.put("silent", s.silent());
            rows.add(row);
        }
        try {
            return JSON.writeValueAsString(Map.of("sources", rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source status could not be written as JSON", e);
        }
    }

    private SourceStats stats(String name, long now) {
        SourceStats existing = sources.get(name);
        if (existing != null) return existing;
        String key = sources.size() >= config.maxSources() ? OTHER_SOURCES : name;
        return sources.computeIfAbsent(key, k -> new SourceStats(k, now));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
