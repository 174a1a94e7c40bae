package io.vigil.parse.suricata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Suricata samples (pretty-printed arrays) sent as EVE lines: every alert gets rule and network fields. */
@Tag("data")
public class SuricataDataTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    /** Each sample file as EVE lines, one compact JSON object per line as Suricata writes eve.json. */
    public static List<byte[]> eveLines(Path data) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data.resolve("network/suricata"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("alerts-only.json")).sorted().toList()) {
                for (JsonNode n : JSON.readTree(f.toFile())) lines.add(JSON.writeValueAsBytes(n));
            }
        }
        return lines;
    }

    @Test
    void everySampleAlertBecomesAnEcsAlert() throws IOException {
        List<byte[]> lines = eveLines(Path.of(System.getProperty("vigil.data", "../shared/data")));
        List<StoredEvent> events = parser.parse(new RawBatch("file", "", "", 0, lines), 1);
        int withUrl = 0;
        for (StoredEvent s : events) if (s.event().get("url.path") != null) withUrl++;
        System.out.printf("suricata samples: %d alerts, %d with url.path%n", events.size(), withUrl);
        assertThat(events).hasSize(548).allSatisfy(s -> {
            Event e = s.event();
            assertThat(e.hasTag("_parse_failure")).isFalse();
            assertThat(e.fields()).containsEntry("event.kind", "alert").containsKeys("rule.id", "rule.name", "rule.category",
                    "source.ip", "destination.ip", "network.transport", "suricata.eve.alert.signature_id");
            assertThat(e.get("event.severity")).isInstanceOf(Long.class);
            assertThat(e.text("@timestamp")).doesNotStartWith("1970");
        });
        assertThat(withUrl).isGreaterThan(200);
    }
}
