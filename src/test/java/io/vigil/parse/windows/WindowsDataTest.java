package io.vigil.parse.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.parse.json.JsonFlattener;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Normalization over the real OTRF datasets and the SigmaHQ regression events; prints a table and a rate. */
@Tag("data")
class WindowsDataTest {
    static final long RECEIVED = 1_700_000_000_000L;
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
    final Path data = Path.of(System.getProperty("vigil.data", "../shared/data"));

    record FileStats(String name, int events, int failures, int channel, int eventId, int host, int timestamp) {}

    @Test
    void normalizesEveryOtrfFileWithoutParseFailuresOnJsonLines() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("windows/otrf"))) {
            files = s.filter(p -> p.toString().matches(".*\\.(json|ndjson|log)$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        System.out.printf("%-60s %7s %6s %6s %6s %6s %6s%n", "file", "events", "fail", "chan%", "id%", "host%", "time%");
        int windowsEvents = 0;
        for (Path file : files) {
            List<byte[]> lines = lines(file);
            FileStats st = stats(file.getFileName().toString(), lines);
            System.out.printf("%-60.60s %7d %6d %6.1f %6.1f %6.1f %6.1f%n", st.name(), st.events(), st.failures(),
                    pct(st.channel(), st.events()), pct(st.eventId(), st.events()), pct(st.host(), st.events()),
                    pct(st.timestamp(), st.events()));
            boolean jsonFile = !lines.isEmpty() && lines.getFirst()[0] == '{';
            if (jsonFile) assertThat(st.failures()).as("parse failures in %s", file).isZero();
            if (file.toString().contains("/otrf/windows/")) {
                assertThat(st.eventId()).as("events with winlog.event_id in %s", file).isEqualTo(st.events());
                assertThat(st.host()).as("events with host.name in %s", file).isEqualTo(st.events());
                assertThat(st.timestamp()).as("events with their own time in %s", file).isEqualTo(st.events());
                windowsEvents += st.events();
            }
        }
        assertThat(windowsEvents).isGreaterThan(28_000);
        printThroughput(files);
    }

    @Test
    void normalizesTheSigmaRegressionEventsInEvtxDumpShape() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("sigma/regression/regression_data"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        ObjectMapper mapper = new ObjectMapper();
        List<byte[]> lines = new ArrayList<>();
        for (Path file : files) {
            try (JsonParser p = new JsonFactory(mapper).createParser(file.toFile())) {
                while (p.nextToken() == JsonToken.START_OBJECT) lines.add(mapper.writeValueAsBytes(mapper.readTree(p)));
            }
        }
        FileStats st = stats("sigma regression", lines);
        System.out.printf("sigma regression: %d files, %d events, %d failures, channel %.1f%%, host %.1f%%%n",
                files.size(), st.events(), st.failures(), pct(st.channel(), st.events()), pct(st.host(), st.events()));
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(st.failures()).isZero();
        assertThat(st.channel()).isEqualTo(st.events());
        assertThat(st.eventId()).isEqualTo(st.events());
        assertThat(st.timestamp()).isEqualTo(st.events());
    }

    @Test
    void rendersEveryOtrfWindowsEventAsWinlogbeatAndXmlWithTheSameNormalizedResult() throws Exception {
        JsonFlattener flattener = new JsonFlattener();
        WindowsJsonNormalizer windows = new WindowsJsonNormalizer(flattener);
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("windows/otrf/windows"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            List<byte[]> lines = lines(file);
            List<byte[]> winlogbeat = new ArrayList<>();
            List<byte[]> xml = new ArrayList<>();
            for (byte[] line : lines) {
                WindowsRecord r = windows.read(flattener.flatten(line));
                winlogbeat.add(WindowsRenderings.winlogbeat(r));
                xml.add(WindowsRenderings.xml(r).getBytes(StandardCharsets.UTF_8));
            }
            List<StoredEvent> direct = parser.parse(new RawBatch("t", "", "", RECEIVED, lines), 1);
            List<StoredEvent> viaWinlogbeat = parser.parse(new RawBatch("t", "", "", RECEIVED, winlogbeat), 1);
            List<StoredEvent> viaXml = parser.parse(new RawBatch("t", "", "", RECEIVED, xml), 1);
            for (int i = 0; i < lines.size(); i++) {
                // the renderings carry the Windows event itself; a shipper's tags and labels are not part of it
                java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>(direct.get(i).event().fields());
                expected.keySet().removeIf(k -> k.equals("tags") || k.startsWith("labels."));
                assertThat(viaWinlogbeat.get(i).event().fields()).as("%s line %d via Winlogbeat", file, i + 1)
                        .isEqualTo(expected);
                assertThat(viaXml.get(i).event().fields()).as("%s line %d via XML", file, i + 1)
                        .isEqualTo(expected);
                compared++;
            }
        }
        System.out.println("same normalized fields via Winlogbeat and XML renderings: " + compared + " events");
        assertThat(compared).isGreaterThan(28_000);
    }

    private FileStats stats(String name, List<byte[]> lines) {
        int failures = 0, channel = 0, eventId = 0, host = 0, timestamp = 0;
        List<StoredEvent> events = parser.parse(new RawBatch("test", "", "", RECEIVED, lines), 1);
        assertThat(events).hasSameSizeAs(lines);
        for (StoredEvent s : events) {
            Event e = s.event();
            if (e.hasTag("_parse_failure")) failures++;
            if (e.get("winlog.channel") != null) channel++;
            if (e.get("winlog.event_id") != null) eventId++;
            if (e.get("host.name") != null) host++;
            if (e.timestamp() != RECEIVED && !e.hasTag("_timestamp_failure")) timestamp++;
        }
        return new FileStats(name, lines.size(), failures, channel, eventId, host, timestamp);
    }

    private void printThroughput(List<Path> files) throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (Path f : files) if (f.toString().contains("/otrf/windows/")) all.addAll(lines(f));
        long bytes = all.stream().mapToLong(b -> b.length).sum();
        RawBatch batch = new RawBatch("test", "", "", RECEIVED, all);
        parser.parse(batch, 1);
        long start = System.nanoTime();
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int rounds = 3;
        for (int i = 0; i < rounds; i++) parser.parse(batch, i);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("throughput (1 thread, OTRF Windows, avg %d bytes/event): %.0f events/s wall, %.0f events per CPU-second, %.1f MB/s wall%n",
                bytes / all.size(), rounds * all.size() / seconds, rounds * all.size() / cpuSeconds, rounds * bytes / seconds / 1e6);
    }

    static List<byte[]> lines(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) if (!line.isBlank()) out.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out;
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
