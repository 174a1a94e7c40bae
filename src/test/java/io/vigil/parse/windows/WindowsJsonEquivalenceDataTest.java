package io.vigil.parse.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.json.FlattenException;
import io.vigil.parse.json.JsonDecoder;
import io.vigil.parse.json.JsonFlattener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Windows JSON path gives exactly the events it gave before the allocation work: every real OTRF line,
 * its Winlogbeat rendering, and damaged copies of lines are decoded by today's {@link JsonDecoder} and by the
 * preserved old path ({@code Legacy*} classes), and the results must match field by field, in order, with
 * the same value types and the same failure messages.
 */
@Tag("data")
class WindowsJsonEquivalenceDataTest {
    private static final long SEED = 20261129L;
    private final Path data = Path.of(System.getProperty("vigil.data", "../shared/data"));
    private final JsonFlattener flattener = new JsonFlattener();
    private final JsonDecoder decoder = new JsonDecoder(flattener, List.of(new WindowsJsonNormalizer(flattener)));
    private final LegacyJsonFlattener legacyFlattener = new LegacyJsonFlattener();
    private final LegacyWindowsJsonNormalizer legacyWindows = new LegacyWindowsJsonNormalizer(legacyFlattener);

    @Test
    void everyOtrfLineAndItsWinlogbeatRenderingNormalizeExactlyAsBefore() throws IOException {
        int compared = 0;
        for (Path file : jsonFiles()) {
            for (byte[] line : lines(file)) {
                assertSame(line, file);
                WindowsRecord record = new WindowsJsonNormalizer(flattener).read(flatten(line));
                if (record != null) assertSame(WindowsRenderings.winlogbeat(record), file);
                compared++;
            }
        }
        System.out.println("identical to the old path: " + compared + " OTRF lines and their Winlogbeat renderings");
        assertThat(compared).isGreaterThan(28_000);
    }

    @Test
    void sigmaRegressionEventsInEvtxDumpShapeNormalizeExactlyAsBefore() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("sigma/regression/regression_data"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            try (var p = mapper.getFactory().createParser(file.toFile())) {
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    assertSame(mapper.writeValueAsBytes(mapper.readTree(p)), file);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void damagedLinesFailWithTheSameMessagesAsBefore() throws IOException {
        Random random = new Random(SEED);
        int compared = 0;
        for (Path file : jsonFiles()) {
            List<byte[]> lines = lines(file);
            for (int n = 0; n < 20 && !lines.isEmpty(); n++) {
                byte[] line = lines.get(random.nextInt(lines.size())).clone();
                byte[] damaged = switch (random.nextInt(3)) {
                    case 0 -> java.util.Arrays.copyOf(line, random.nextInt(line.length));
                    case 1 -> { line[random.nextInt(line.length)] = (byte) "\"{}[],:\\\u0001x0".charAt(random.nextInt(11)); yield line; }
                    default -> { line[random.nextInt(line.length)] = (byte) (0x80 + random.nextInt(128)); yield line; }
                };
                assertSame(damaged, file);
                compared++;
            }
        }
        System.out.println("same outcome as the old path for " + compared + " damaged lines (seed " + SEED + ")");
        assertThat(compared).isGreaterThan(500);
    }

    private void assertSame(byte[] line, Path file) {
        String what = file + ": " + new String(line, 0, Math.min(line.length, 200), StandardCharsets.UTF_8);
        DecodeResult now = decoder.decode(line);
        DecodeResult before = legacyDecode(line);
        assertThat(now.getClass()).as(what).isEqualTo(before.getClass());
        switch (now) {
            case DecodeResult.Decoded d -> assertSameFields(d.fields(), ((DecodeResult.Decoded) before).fields(), what);
            case DecodeResult.Failed f -> assertThat(f.reason()).as(what).isEqualTo(((DecodeResult.Failed) before).reason());
            case DecodeResult.NotMine ignored -> { }
        }
    }

    /** Equal entries in equal order, and each value of the same kind (a Long is not a String "4624"). */
    static void assertSameFields(Map<String, Object> now, Map<String, Object> before, String what) {
        assertThat(new ArrayList<>(now.entrySet())).as(what).isEqualTo(new ArrayList<>(before.entrySet()));
        before.forEach((key, value) -> {
            Object other = now.get(key);
            if (!(value instanceof List<?>)) assertThat(other.getClass()).as(what + " " + key).isEqualTo(value.getClass());
        });
    }

    /** JsonDecoder as it was, over the preserved classes. */
    private DecodeResult legacyDecode(byte[] line) {
        int start = 0;
        while (start < line.length && (line[start] == ' ' || line[start] == '\t' || line[start] == '\r' || line[start] == '\n')) start++;
        if (start == line.length || (line[start] != '{' && line[start] != '[')) return DecodeResult.NotMine.INSTANCE;
        Map<String, Object> flat;
        try {
            flat = legacyFlattener.flatten(line, start, line.length - start);
        } catch (FlattenException e) {
            return new DecodeResult.Failed(e.getMessage());
        }
        Map<String, Object> normalized = legacyWindows.normalize(flat);
        return new DecodeResult.Decoded(normalized != null ? normalized : flat);
    }

    private Map<String, Object> flatten(byte[] line) {
        try {
            return flattener.flatten(line);
        } catch (FlattenException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> jsonFiles() throws IOException {
        try (Stream<Path> s = Files.walk(data.resolve("windows/otrf"))) {
            return s.filter(p -> p.toString().matches(".*\\.(json|ndjson)$")).sorted().toList();
        }
    }

    private static List<byte[]> lines(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.startsWith("{")) out.add(l.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
