package io.vigil.parse.access;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real Apache combined log: every line is detected and decoded, with the fields every line has. */
@Tag("data")
class ApacheAccessDataTest {
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    @Test
    void decodesEveryLineOfTheCombinedLog() throws IOException {
        Path file = Path.of(System.getProperty("vigil.data", "../shared/data"), "web/apache_logs_combined.log");
        List<byte[]> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!l.isBlank()) lines.add(l.getBytes(StandardCharsets.ISO_8859_1));
        }
        List<StoredEvent> events = parser.parse(new RawBatch("file", "", "", 0, lines), 1);
        List<String> failures = new ArrayList<>();
        int withAgent = 0;
        for (StoredEvent s : events) {
            Event e = s.event();
            if (e.hasTag("_parse_failure")) failures.add(e.text("error.message") + " :: " + e.text("event.original"));
            if (e.get("user_agent.original") != null) withAgent++;
        }
        System.out.printf("apache_logs_combined.log: %d lines, %d failures (%.3f%%), %d with user_agent.original%n",
                events.size(), failures.size(), 100.0 * failures.size() / events.size(), withAgent);
        assertThat(failures).isEmpty();
        assertThat(events).hasSameSizeAs(lines).allSatisfy(s -> {
            Event e = s.event();
            assertThat(e.get("event.dataset")).isEqualTo("apache.access");
            assertThat(e.get("http.response.status_code")).isInstanceOf(Long.class);
            assertThat(e.text("source.ip")).isNotBlank();
            assertThat(e.get("@timestamp").toString()).startsWith("2015-05-");
        });
        assertThat(events).filteredOn(s -> s.event().get("http.request.method") != null).hasSizeGreaterThan(lines.size() * 99 / 100);
    }
}
