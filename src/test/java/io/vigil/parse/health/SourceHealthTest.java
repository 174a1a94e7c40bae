package io.vigil.parse.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SourceHealthTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile long millis = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

        void advance(Duration d) {
            millis += d.toMillis();
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
        @Override public long millis() { return millis; }
    }

    final ManualClock clock = new ManualClock();
    final List<SilentSource> alerts = Collections.synchronizedList(new ArrayList<>());
    final SourceHealth health = new SourceHealth(
            new SourceHealthConfig(Duration.ofMinutes(15), Map.of("fw", Duration.ofMinutes(2), "noisy", Duration.ZERO), 3),
            clock, alerts::add);
    final EventParser parser = health.observing(DefaultEventParser.standard(ParserConfig.DEFAULT, clock));

    RawBatch batch(String index, String source, String address, String... lines) {
        List<byte[]> bytes = new ArrayList<>();
        for (String l : lines) bytes.add(l.getBytes(StandardCharsets.UTF_8));
        return new RawBatch(source, index, address, clock.millis(), bytes);
    }

    @Test
    void ratesSettleOnTheSteadyInputRate() {
        for (int second = 0; second < 600; second++) {
            parser.parse(batch("web", "http", "", "{\"a\":1}", "{\"a\":2}"), second);   // 2 events, 14 bytes per second
            clock.advance(Duration.ofSeconds(1));
        }
        SourceStatus s = health.snapshot().getFirst();
        assertThat(s.name()).isEqualTo("web");
        assertThat(s.eventsPerSecond()).isCloseTo(2.0, within(0.05));
        assertThat(s.eventsPerSecond5m()).isCloseTo(2.0, within(0.2));
        assertThat(s.bytesPerSecond()).isCloseTo(14.0, within(0.5));
        assertThat(s.events()).isEqualTo(1200);
        assertThat(s.parseFailures()).isZero();
        clock.advance(Duration.ofMinutes(5));
        SourceStatus later = health.snapshot().getFirst();
        assertThat(later.eventsPerSecond()).as("1-minute rate after 5 quiet minutes").isLessThan(0.02);
        assertThat(later.eventsPerSecond5m()).isBetween(0.5, 1.0);
    }

    @Test
    void countsParseFailuresPerSource() {
        parser.parse(batch("", "syslog-udp", "10.0.0.5", "Mar  1 10:00:00 h sshd[1]: ok", "garbage", "{broken"), 1);
        SourceStatus s = health.snapshot().getFirst();
        assertThat(s.name()).isEqualTo("syslog-udp/10.0.0.5");
        assertThat(s.parseFailures()).isEqualTo(2);
        assertThat(s.parseFailureRatio()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void reportsASilentSourceOnceUntilItSpeaksAgain() {
        parser.parse(batch("fw", "syslog-tcp", "", "x"), 1);
        parser.parse(batch("web", "http", "", "{}"), 2);
        clock.advance(Duration.ofMinutes(3));
        assertThat(health.checkSilence()).extracting(SilentSource::name).containsExactly("fw");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.silentFor()).isEqualTo(Duration.ofMinutes(3));
            assertThat(a.lastSeen()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        });
        assertThat(health.checkSilence()).isEmpty();
        assertThat(health.snapshot()).filteredOn(SourceStatus::silent).extracting(SourceStatus::name).containsExactly("fw");
        clock.advance(Duration.ofMinutes(13));
        assertThat(health.checkSilence()).extracting(SilentSource::name).containsExactly("web");
        parser.parse(batch("fw", "syslog-tcp", "", "x"), 3);
        assertThat(health.snapshot()).filteredOn(SourceStatus::silent).extracting(SourceStatus::name).containsExactly("web");
        clock.advance(Duration.ofMinutes(3));
        assertThat(health.checkSilence()).extracting(SilentSource::name).containsExactly("fw");
        assertThat(alerts).hasSize(3);
    }

    @Test
    void neverAlertsForASourceWhoseLimitIsZero() {
        parser.parse(batch("noisy", "http", "", "{}"), 1);
        clock.advance(Duration.ofDays(2));
        assertThat(health.checkSilence()).isEmpty();
    }

    @Test
    void boundsTheNumberOfTrackedSources() {
        for (int i = 0; i < 10; i++) parser.parse(batch("", "syslog-udp", "10.0.0." + i, "{}"), i);
        assertThat(health.snapshot()).hasSize(4).extracting(SourceStatus::name).contains(SourceHealth.OTHER_SOURCES);
        assertThat(health.snapshot().stream().mapToLong(SourceStatus::events).sum()).isEqualTo(10);
    }

    @Test
    void writesTheApiShape() throws Exception {
        parser.parse(batch("web", "http", "", "{}", "nope"), 1);
        JsonNode json = new ObjectMapper().readTree(health.snapshotJson());
        JsonNode row = json.get("sources").get(0);
        assertThat(row.get("name").asText()).isEqualTo("web");
        assertThat(row.get("parse_failures").asLong()).isEqualTo(1);
        assertThat(row.get("last_event").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(row.get("silent").asBoolean()).isFalse();
        assertThat(row.has("events_per_s")).isTrue();
        assertThat(row.has("bytes_per_s")).isTrue();
    }

    @Test
    void readersSeeConsistentCountsWhileThePipelineWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    health.record(batch("web", "http", "", "{}"), List.<StoredEvent>of());
                    clock.advance(Duration.ofMillis(10));
                }
            });
            Future<?> reader = pool.submit(() -> {
                long last = 0;
                while (!writer.isDone()) {
                    for (SourceStatus s : health.snapshot()) {
                        assertThat(s.events()).isGreaterThanOrEqualTo(last);
                        last = s.events();
                    }
                    health.snapshotJson();
                }
            });
            writer.get();
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(health.snapshot().getFirst().events()).isEqualTo(2000);
    }
}
