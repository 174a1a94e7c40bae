package io.vigil.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Over every line of the real logs (Linux auth, loghub, Apache, Suricata, OTRF Windows and Linux), the store's
 * raw-only form is exact: re-parsing each line with its context, by a parser whose clock reads another year,
 * gives the event the ingest made; every decoded line gets a parse context (only parse failures keep their
 * fields). Reports how many lines are stored raw-only.
 */
@Tag("data")
class ReparseDataTest {
    static final long RECEIVED = Instant.parse("2026-11-29T12:00:00Z").toEpochMilli();

    @Test
    void everyLineOfTheRealLogsIsMadeAgainExactlyFromItsRawBytes() throws IOException {
        Path data = Path.of(System.getProperty("vigil.data", "../shared/data"));
        DefaultEventParser ingest = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.fixed(Instant.ofEpochMilli(RECEIVED), ZoneOffset.UTC));
        DefaultEventParser later = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.fixed(Instant.parse("2030-03-01T00:00:00Z"), ZoneOffset.UTC));
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("linux", "web", "network", "windows")) {
            try (Stream<Path> walk = Files.walk(data.resolve(dir))) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(log|json|jsonl|ndjson|txt)$")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        long lines = 0, rawOnly = 0, failed = 0;
        List<String> differences = new ArrayList<>();
        for (Path file : files) {
            List<byte[]> batch = new ArrayList<>();
            for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
                batch.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (batch.size() == 1000) {
                    long[] counts = check(ingest, later, file, batch, differences);
                    lines += counts[0]; rawOnly += counts[1]; failed += counts[2];
                    batch.clear();
                }
            }
            long[] counts = check(ingest, later, file, batch, differences);
            lines += counts[0]; rawOnly += counts[1]; failed += counts[2];
        }
        System.out.printf("re-parse: %d lines in %d files, %d (%.1f %%) stored raw-only, %d parse failures (kept with"
                + " their fields), %d differences%n", lines, files.size(), rawOnly, 100.0 * rawOnly / lines, failed, differences.size());
        assertThat(differences).isEmpty();
        assertThat(rawOnly + failed).isEqualTo(lines); // every decoded line (none of these is IIS W3C) is raw-only
    }

    private static long[] check(DefaultEventParser ingest, DefaultEventParser later, Path file, List<byte[]> lines,
                                List<String> differences) {
        if (lines.isEmpty()) return new long[3];
        long rawOnly = 0, failures = 0;
        for (StoredEvent e : ingest.parse(new RawBatch("http", file.getFileName().toString(), "192.0.2.1", RECEIVED, lines), 7)) {
            if (e.parseContext() == null) {
                if (e.event().get("tags") instanceof List<?> tags && tags.contains("_parse_failure")) failures++;
                else if (differences.size() < 5) differences.add(file + ": decoded but no parse context: " + e.event());
                continue;
            }
            rawOnly++;
            var again = later.reparse(e.event().id(), e.original(), e.parseContext());
            if (again.isEmpty() || !again.get().equals(e.event())) {
                if (differences.size() < 5) differences.add(file + ": " + e.event() + " became " + again);
                else differences.add(file.toString());
            }
        }
        return new long[] {lines.size(), rawOnly, failures};
    }
}
