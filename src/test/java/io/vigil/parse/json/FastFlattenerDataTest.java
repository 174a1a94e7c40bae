package io.vigil.parse.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fast reader settles real Windows events itself (Jackson is only the fallback), or it would save nothing. */
@Tag("data")
class FastFlattenerDataTest {
    private final Path data = Path.of(System.getProperty("vigil.data", "../shared/data"));

    @Test
    void readsEveryRealOtrfLineWithoutFallingBackToJackson() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("windows/otrf"))) {
            files = s.filter(p -> p.toString().matches(".*\\.(json|ndjson)$")).sorted().toList();
        }
        int lines = 0;
        int unsettled = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("{")) continue;
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                lines++;
                if (FastFlattener.flatten(bytes, 0, bytes.length, FlattenLimits.DEFAULT) == null) unsettled++;
            }
        }
        assertThat(lines).isGreaterThan(28_000);
        assertThat(unsettled).as("lines left to Jackson out of %d", lines).isZero();
    }
}
