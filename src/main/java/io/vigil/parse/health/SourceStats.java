package io.vigil.parse.health;

import java.time.Duration;
import java.time.Instant;

/**
 * The counters of one source. Every method is synchronized: the pipeline thread writes, HTTP threads and
 * the silence check read.
 */
final class SourceStats {
    private static final long MINUTE = 60_000;

    private final String name;
    private final long firstSeen;
    private final MovingRate events1m;
    private final MovingRate events5m;
    private final MovingRate bytes1m;
    private final MovingRate bytes5m;
    private final MovingRate failures1m;
    private long events;
    private long bytes;
    private long failures;
    private long lastEvent;
    private boolean silenceReported;

    SourceStats(String name, long now) {
        this.name = name;
        this.firstSeen = now;
        this.lastEvent = now;
        this.events1m = new MovingRate(MINUTE, now);
        this.events5m = new MovingRate(5 * MINUTE, now);
        this.bytes1m = new MovingRate(MINUTE, now);
        this.bytes5m = new MovingRate(5 * MINUTE, now);
        this.failures1m = new MovingRate(MINUTE, now);
    }

    synchronized void record(long eventCount, long byteCount, long failureCount, long now) {
        events1m.add(eventCount, now);
        events5m.add(eventCount, now);
        bytes1m.add(byteCount, now);
        bytes5m.add(byteCount, now);
        failures1m.add(failureCount, now);
        events += eventCount;
        bytes += byteCount;
        failures += failureCount;
        if (eventCount > 0) {
            lastEvent = Math.max(lastEvent, now);
            silenceReported = false;
        }
    }

    /** A new silence alert when the source has been quiet longer than {@code maxSilence} and none was sent yet. */
    synchronized SilentSource newSilence(Duration maxSilence, long now) {
        if (maxSilence.isZero() || silenceReported || now - lastEvent <= maxSilence.toMillis()) return null;
        silenceReported = true;
        return new SilentSource(name, Instant.ofEpochMilli(lastEvent), Duration.ofMillis(now - lastEvent));
    }

    synchronized SourceStatus status(Duration maxSilence, long now) {
        boolean silent = !maxSilence.isZero() && now - lastEvent > maxSilence.toMillis();
        return new SourceStatus(name, events1m.perSecond(now), events5m.perSecond(now), bytes1m.perSecond(now),
                bytes5m.perSecond(now), events, bytes, failures, failures1m.perSecond(now),
                Instant.ofEpochMilli(firstSeen), Instant.ofEpochMilli(lastEvent), silent);
    }
}
