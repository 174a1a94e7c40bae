package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures add throughput (one writer thread, commit at the end) and bytes per event on synthetic ~2 KB
 * Windows JSON events, with and without {@code event.original} in the fields. Prints the figures.
 * Size: {@code -Dvigil.bench.events=N} (default 100,000); seed {@code -Dvigil.seed}.
 */
@Tag("slow")
class LuceneStoreFootprintTest {
    @TempDir
    Path dir;

    @Test
    void storesSyntheticWindowsEventsCompactlyAndQuickly() throws IOException {
        int n = Integer.getInteger("vigil.bench.events", 100_000);
        long seed = Long.getLong("vigil.seed", 42L);
        for (boolean withEventOriginal : new boolean[] {false, true}) {
            Path d = dir.resolve("original-in-fields-" + withEventOriginal);
            Result r = run(d, n, seed, withEventOriginal);
            System.out.printf("seed=%d events=%d event.original-in-fields=%s raw=%.0f B/event: %.0f events/s wall, "
                            + "%.0f events per writer-thread CPU second, %.1f B/event on disk%n",
                    seed, n, withEventOriginal, r.rawBytesPerEvent, r.eventsPerSecond, r.eventsPerCpuSecond, r.bytesPerEvent);
            printBreakdown(d, n);
            // Regression guard around the measured ~265 B (raw once + delta) and ~320 B (event.original also indexed).
            assertThat(r.bytesPerEvent).as("bytes/event (seed %d)", seed).isLessThan(withEventOriginal ? 380 : 320);
        }
    }

    private record Result(double eventsPerSecond, double eventsPerCpuSecond, double bytesPerEvent, double rawBytesPerEvent) {}

    static void printBreakdown(Path d, int n) throws IOException {
        java.util.Map<String, Long> byExtension = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(d)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                byExtension.merge(ext, java.nio.file.Files.size(f), Long::sum);
            }
        }
        byExtension.forEach((ext, bytes) -> System.out.printf("  %-6s %7.1f B/event%n", ext, (double) bytes / n));
    }

    private Result run(Path d, int n, long seed, boolean withEventOriginal) throws IOException {
        SyntheticEvents gen = new SyntheticEvents(seed, withEventOriginal);
        long t0 = Instant.parse("2026-11-29T00:00:00Z").toEpochMilli();
        List<StoredEvent> events = new ArrayList<>(n);
        long raw = 0;
        for (int i = 0; i < n; i++) {
            StoredEvent e = gen.next("ev-" + i, t0 + i * 500L);
            raw += e.original().length;
            events.add(e);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (LuceneEventStore store = LuceneEventStore.open(new LuceneEventStore.Options(d, 192, 10_000, Clock.systemUTC()))) {
            for (int i = 0; i < n; i += 100) store.add(events.subList(i, Math.min(n, i + 100)), i);
            store.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long bytes = store.stats().stream().mapToLong(EventStore.PartitionStats::bytes).sum();
            return new Result(n / seconds, n / cpuSeconds, (double) bytes / n, (double) raw / n);
        }
    }
}
