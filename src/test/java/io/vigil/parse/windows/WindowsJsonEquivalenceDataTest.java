package io.vigil.parse.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.json.FlattenException;
import io.vigil.parse.json.FastReading;
import io.vigil.parse.json.FlattenLimits;
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
 * The Windows JSON path decodes exactly as it does when every document is read by Jackson: every real OTRF
 * line, its Winlogbeat rendering, the Sigma regression events and damaged copies of lines are decoded by the
 * standard {@link JsonDecoder} (fast reader first) and by one over {@link JsonFlattener#jacksonOnly}, and the
 * results must match field by field, in order, with the same value types and the same failure messages.
 * ({@code FastFlattenerDataTest} checks that the fast reader itself settles these lines.)
 */
@Tag("data")
class WindowsJsonEquivalenceDataTest {
    private static final long SEED = 20261129L;
    private final Path data = Path.of(System.getProperty("vigil.data", "../shared/data"));
    private final JsonFlattener flattener = new JsonFlattener();
    private final JsonDecoder decoder = new JsonDecoder(flattener, List.of(new WindowsJsonNormalizer(flattener)));
    private final JsonFlattener jackson = JsonFlattener.jacksonOnly(FlattenLimits.DEFAULT);
    private final JsonDecoder jacksonDecoder = new JsonDecoder(jackson, List.of(new WindowsJsonNormalizer(jackson)));

    @Test
    void everyOtrfLineAndItsWinlogbeatRenderingDecodeExactlyAsWithJackson() throws IOException {
        int compared = 0;
        int settled = 0;
        for (Path file : jsonFiles()) {
            for (byte[] line : lines(file)) {
                if (assertSame(line, file)) settled++;
                compared++;
                WindowsRecord record = new WindowsJsonNormalizer(flattener).read(flatten(line));
                if (record == null) continue;
                if (assertSame(WindowsRenderings.winlogbeat(record), file)) settled++;
                compared++;
            }
        }
        System.out.println("identical to the Jackson path: " + compared + " OTRF lines and Winlogbeat renderings");
        assertThat(compared).isGreaterThan(28_000);
        assertThat(settled).as("documents the fast reader settled itself").isEqualTo(compared);
    }

    @Test
    void sigmaRegressionEventsInEvtxDumpShapeDecodeExactlyAsWithJackson() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("sigma/regression/regression_data"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int compared = 0;
        int settled = 0;
        for (Path file : files) {
            try (var p = mapper.getFactory().createParser(file.toFile())) {
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    if (assertSame(mapper.writeValueAsBytes(mapper.readTree(p)), file)) settled++;
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(settled).as("documents the fast reader settled itself").isEqualTo(compared);
    }

    @Test
    void damagedLinesFailOrDecodeExactlyAsWithJackson() throws IOException {
        Random random = new Random(SEED);
        int compared = 0;
        int settled = 0;
        for (Path file : jsonFiles()) {
            List<byte[]> lines = lines(file);
            for (int n = 0; n < 20 && !lines.isEmpty(); n++) {
                byte[] line = lines.get(random.nextInt(lines.size())).clone();
                byte[] damaged = switch (random.nextInt(3)) {
                    case 0 -> java.util.Arrays.copyOf(line, random.nextInt(line.length));
                    case 1 -> { line[random.nextInt(line.length)] = (byte) "\"{}[],:\\\u0001x0".charAt(random.nextInt(11)); yield line; }
                    default -> { line[random.nextInt(line.length)] = (byte) (0x80 + random.nextInt(128)); yield line; }
                };
                if (assertSame(damaged, file)) settled++;
                compared++;
            }
        }
        System.out.println("same outcome as the Jackson path for " + compared + " damaged lines, " + settled
                + " of them settled by the fast reader (seed " + SEED + ")");
        assertThat(compared).isGreaterThan(500);
        assertThat(settled).as("damaged lines that still exercise the fast reader").isGreaterThan(compared / 10);
    }

    /**
     * Asserts that the standard decoder and the Jackson-only one agree on {@code line}, and, when the fast reader
     * settles it, that its map equals Jackson's; answers whether it did.
     */
    private boolean assertSame(byte[] line, Path file) {
        String what = file + ": " + new String(line, 0, Math.min(line.length, 200), StandardCharsets.UTF_8);
        DecodeResult now = decoder.decode(line);
        DecodeResult reference = jacksonDecoder.decode(line);
        assertThat(now.getClass()).as(what).isEqualTo(reference.getClass());
        switch (now) {
            case DecodeResult.Decoded d -> assertSameFields(d.fields(), ((DecodeResult.Decoded) reference).fields(), what);
            case DecodeResult.Failed f -> assertThat(f.reason()).as(what).isEqualTo(((DecodeResult.Failed) reference).reason());
            case DecodeResult.NotMine ignored -> { }
        }
        Map<String, Object> fast = FastReading.settledOrNull(line);
        if (fast == null) return false;
        try {
            assertSameFields(fast, jackson.flatten(line), what);
        } catch (FlattenException e) {
            throw new AssertionError("the fast reader settled a document Jackson rejects (" + e.getMessage() + "): " + what);
        }
        return true;
    }

    /** Equal entries in equal order, and each value of the same kind (a Long is not a String "4624"). */
    static void assertSameFields(Map<String, Object> now, Map<String, Object> reference, String what) {
        assertThat(new ArrayList<>(now.entrySet())).as(what).isEqualTo(new ArrayList<>(reference.entrySet()));
        reference.forEach((key, value) -> assertThat(kind(now.get(key))).as(what + " " + key).isEqualTo(kind(value)));
    }

    /** The value's class, and for lists the classes of the elements (a Long inside is not a String). */
    private static Object kind(Object value) {
        return value instanceof List<?> list ? list.stream().map(Object::getClass).toList() : value.getClass();
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
