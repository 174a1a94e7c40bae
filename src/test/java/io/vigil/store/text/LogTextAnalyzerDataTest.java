package io.vigil.store.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every line of the real logs under {@code vigil.data}, and each file as one value, through both analyzers. */
@Tag("data")
class LogTextAnalyzerDataTest {

    private final Analyzer standard = new StandardAnalyzer();
    private final Analyzer logText = new LogTextAnalyzer();

    @Test
    void givesStandardAnalyzersStreamForEveryLineOfTheRealLogs() throws IOException {
        List<Path> files = logFiles();
        assertThat(files).as("log files under " + data()).hasSizeGreaterThanOrEqualTo(9);
        long lines = 0;
        long nonAscii = 0;
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String line : content.split("\n", -1)) {
                assertThat(AnalyzedStream.of(logText, "message", line)).as("%s: %s", file, line)
                        .isEqualTo(AnalyzedStream.of(standard, "message", line));
                lines++;
                nonAscii += line.chars().anyMatch(c -> c >= 0x80) ? 1 : 0;
            }
            assertThat(AnalyzedStream.of(logText, "message", content)).as("%s as one value", file)
                    .isEqualTo(AnalyzedStream.of(standard, "message", content));
        }
        System.out.printf("LogTextAnalyzerDataTest: %d lines in %d files identical (%d with non-ASCII chars)%n",
                lines, files.size(), nonAscii);
        assertThat(lines).isGreaterThan(30_000);
    }

    private static List<Path> logFiles() throws IOException {
        Path data = data();
        try (Stream<Path> loghub = Files.walk(data.resolve("linux/loghub"))) {
            return Stream.concat(Stream.of(data.resolve("linux/auth.log"), data.resolve("web/apache_logs_combined.log")),
                    loghub.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("LICENSE"))
                            .sorted()).toList();
        }
    }

    private static Path data() {
        return Path.of(System.getProperty("vigil.data", "../shared/data"));
    }
}
