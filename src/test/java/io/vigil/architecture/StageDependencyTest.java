package io.vigil.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout shows the data flow: a stage never imports a later stage. Only the pipeline and the server
 * (the composition root) see everything.
 */
class StageDependencyTest {
    /** Stages in data-flow order; a package may import only packages listed before it (or itself). */
    private static final List<String> ORDER = List.of("event", "generate", "meta", "ingest", "journal", "parse", "detect",
            "store", "search", "alert", "cases", "access", "web", "pipeline", "server");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.vigil\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noStageImportsALaterStage() throws IOException {
        Path root = Path.of("src/main/java/io/vigil");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String stage = root.relativize(file).getName(0).toString();
                int rank = ORDER.indexOf(stage);
                if (rank < 0) {
                    violations.add(file + ": package io.vigil." + stage + " is not in the stage order");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    int target = ORDER.indexOf(m.group(1));
                    if (target > rank) violations.add(file + " imports later stage io.vigil." + m.group(1));
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
