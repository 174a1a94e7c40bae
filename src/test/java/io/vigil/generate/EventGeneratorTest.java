package io.vigil.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FROM = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long TO = FROM + 86_400_000L;

    private static List<String> generate(long seed, int n) {
        List<String> out = new ArrayList<>();
        new EventGenerator(Templates.builtin(), seed, FROM, TO, n).forEachRemaining(out::add);
        return out;
    }

    @Test
    void sameSeedGivesTheSameEvents() {
        assertThat(generate(42, 500)).isEqualTo(generate(42, 500));
        assertThat(generate(42, 500)).isNotEqualTo(generate(43, 500));
    }

    @Test
    void everyEventIsAJsonObjectWithATimestampInsideTheWindowInOrder() throws Exception {
        long previous = Long.MIN_VALUE;
        for (String line : generate(7, 2000)) {
            JsonNode n = JSON.readTree(line);
            long t = Instant.parse(n.get("@timestamp").asText()).toEpochMilli();
            assertThat(t).isBetween(FROM, TO - 1);
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
    }

    @Test
    void rewritesHostsAndUsersIntoTheFictionalEstate() throws Exception {
        Set<String> hosts = new HashSet<>();
        for (String line : generate(1, 3000)) {
            JsonNode n = JSON.readTree(line);
            if (n.has("Hostname")) hosts.add(n.get("Hostname").asText());
            if (n.has("TargetUserName")) assertThat(n.get("TargetUserName").asText()).matches("[a-z]+\\.[a-z]+");
        }
        assertThat(hosts).hasSizeGreaterThan(10).allMatch(h -> h.matches("[a-z]+-(srv|ws)\\d{3}(\\..+)?"));
    }

    @Test
    void mixesWindowsAuthAndWebEvents() throws Exception {
        Set<String> kinds = new HashSet<>();
        for (String line : generate(3, 1000)) {
            JsonNode n = JSON.readTree(line);
            kinds.add(n.has("Channel") ? "windows" : n.path("event").path("dataset").asText());
        }
        assertThat(kinds).containsExactlyInAnyOrder("windows", "system.auth", "apache.access");
    }
}
