package io.vigil.parse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the seven loghub samples is decoded by detection, and the fields agree with loghub's
 * structured CSV (its ground truth): time components, host, component/process, pid, level and content.
 */
@Tag("data")
class LoghubDataTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, CLOCK);

    static Stream<Arguments> datasets() {
        Map<String, Function<Event, String>> syslogTime = Map.of(
                "Month", e -> time(e, "MMM"), "Date", e -> time(e, "d"), "Time", e -> time(e, "HH:mm:ss"));
        return Stream.of(
                Arguments.of("Linux", merge(syslogTime, Map.of("Level", text("host.name"), "Component", text("log.syslog.appname"),
                        "PID", text("process.pid"), "Content", text("message")))),
                Arguments.of("Mac", merge(syslogTime, Map.of("User", text("host.name"), "Component", text("log.syslog.appname"),
                        "PID", text("process.pid"), "Content", text("message")))),
                Arguments.of("OpenSSH", Map.of("Date", e -> time(e, "MMM"), "Day", e -> time(e, "d"), "Time", e -> time(e, "HH:mm:ss"),
                        "Component", text("host.name"), "Pid", text("process.pid"), "Content", text("message"))),
                Arguments.of("Thunderbird", Map.of("Timestamp", e -> Long.toString(e.timestamp() / 1000), "User", text("host.name"),
                        "Location", text("log.syslog.hostname"), "Component", text("process.name"), "PID", text("process.pid"),
                        "Content", text("message"))),
                // loghub keeps "[client ip] " in the content; the decoder moves it to source.ip, so it is put back to compare
                Arguments.of("Apache", Map.of("Time", e -> time(e, "EEE MMM dd HH:mm:ss yyyy"), "Level", text("log.level"),
                        "Content", e -> (e.get("source.ip") == null ? "" : "[client " + e.text("source.ip") + "] ") + e.text("message"))),
                Arguments.of("HDFS", Map.of("Date", e -> time(e, "yyMMdd"), "Time", e -> time(e, "HHmmss"), "Pid", text("process.pid"),
                        "Level", text("log.level"), "Component", text("log.logger"), "Content", text("message"))),
                Arguments.of("Windows", Map.of("Date", e -> time(e, "yyyy-MM-dd"), "Time", e -> time(e, "HH:mm:ss"),
                        "Level", text("log.level"), "Component", text("log.logger"), "Content", text("message"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void decodesEveryLineAndAgreesWithTheStructuredCsv(String name, Map<String, Function<Event, String>> checks) throws IOException {
        Path dir = Path.of(System.getProperty("vigil.data", "../shared/data"), "linux/loghub", name);
        List<String> raw = Files.readAllLines(dir.resolve(name + "_2k.log"), StandardCharsets.UTF_8);
        List<Map<String, String>> truth = Csv.read(dir.resolve(name + "_2k.log_structured.csv"));
        List<byte[]> lines = new ArrayList<>();
        for (String l : raw) lines.add(l.getBytes(StandardCharsets.UTF_8));
        List<StoredEvent> events = parser.parse(new RawBatch("file", "", "", CLOCK.millis(), lines), 1);

        List<String> failures = new ArrayList<>();
        Map<String, List<String>> mismatches = new LinkedHashMap<>();
        for (Map<String, String> row : truth) {
            int index = Integer.parseInt(row.get("LineId")) - 1;
            Event e = events.get(index).event();
            if (e.hasTag("_parse_failure")) failures.add("line " + (index + 1) + ": " + e.text("error.message"));
            checks.forEach((column, extract) -> {
                String expected = row.get(column).strip();
                String actual = extract.apply(e);
                actual = actual == null ? "" : actual.strip();
                if (!expected.equals(actual)) {
                    mismatches.computeIfAbsent(column, k -> new ArrayList<>())
                            .add("line " + (index + 1) + ": expected '" + expected + "' got '" + actual + "'");
                }
            });
        }
        int checked = truth.size() * checks.size();
        int wrong = mismatches.values().stream().mapToInt(List::size).sum();
        System.out.printf("loghub %-11s %d lines, %d parse failures (%.2f%%), field agreement %.2f%% (%d of %d)%n", name,
                lines.size(), failures.size(), 100.0 * failures.size() / lines.size(), 100.0 * (checked - wrong) / checked,
                checked - wrong, checked);
        mismatches.forEach((column, list) -> System.out.printf("  %s: %d mismatches, e.g. %s%n", column, list.size(),
                list.subList(0, Math.min(3, list.size()))));
        assertThat(truth).hasSize(lines.size());
        assertThat(failures).isEmpty();
        assertThat((double) wrong / checked).as("share of CSV fields the decoders disagree with").isLessThan(0.01);
    }

    static Function<Event, String> text(String field) {
        return e -> e.text(field);
    }

    static String time(Event e, String pattern) {
        return LocalDateTime.ofEpochSecond(e.timestamp() / 1000, 0, ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
    }

    static Map<String, Function<Event, String>> merge(Map<String, Function<Event, String>> a, Map<String, Function<Event, String>> b) {
        Map<String, Function<Event, String>> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** RFC 4180 CSV with a header row: quoted fields may hold commas and doubled quotes. */
    static final class Csv {
        static List<Map<String, String>> read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = fields(lines.getFirst());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) continue;
                List<String> values = fields(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) row.put(header.get(i), i < values.size() ? values.get(i) : "");
                rows.add(row);
            }
            return rows;
        }

        static List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder b = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') b.append(line.charAt(++i));
                    else if (c == '"') quoted = false;
                    else b.append(c);
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(b.toString());
                    b.setLength(0);
                } else {
                    b.append(c);
                }
            }
            out.add(b.toString());
            return out;
        }
    }
}
