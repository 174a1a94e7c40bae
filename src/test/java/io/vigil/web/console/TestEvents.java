package io.vigil.web.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.generate.EventGenerator;
import io.vigil.generate.Templates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded Windows-logon-like events over the last 20 hours (marked with {@link #DATASET}), realistic
 * background from {@link EventGenerator} over the last 24 hours, and an XSS corpus of hostile events.
 */
final class TestEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks the seeded events, so tests can count them apart from the generated background. */
    static final String DATASET = "console.test";
    static final long SEED = 20261129L;
    static final String[] HOSTS = {"web-01", "web-02", "dc-01", "db-01", "vpn-01"};
    static final String[] USERS = {"alice", "bob", "carol", "svc_backup"};
    static final String[] CODES = {"4624", "4625", "4688"};

    private TestEvents() {
    }

    static List<String> normal(int count, long now) {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = now - 60_000L - (long) (random.nextDouble() * 20 * 3_600_000L);
            String host = HOSTS[random.nextInt(HOSTS.length)];
            String user = USERS[random.nextInt(USERS.length)];
            String code = CODES[random.nextInt(CODES.length)];
            ObjectNode e = JSON.createObjectNode().put("@timestamp", Instant.ofEpochMilli(at).toString());
            e.putObject("host").put("name", host);
            e.putObject("user").put("name", user);
            e.putObject("event").put("code", code).put("action", code.equals("4625") ? "logon-failed" : "logon")
                    .put("dataset", DATASET);
            e.putObject("source").put("ip", "10.0." + random.nextInt(4) + "." + random.nextInt(250));
            e.put("message", "An account " + (code.equals("4625") ? "failed to log on" : "was logged on") + ": " + user + "@" + host);
            lines.add(e.toString());
        }
        return lines;
    }

    /** Background events from the built-in generator templates, spread over the 24 hours before {@code now}. */
    static List<String> generated(int count, long now) {
        List<String> lines = new ArrayList<>(count);
        new EventGenerator(Templates.builtin(), SEED, now - 24 * 3_600_000L, now - 60_000L, count)
                .forEachRemaining(lines::add);
        return lines;
    }

    /** Every payload, if it ever ran, would open a dialog or set window.__xss; none may. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert('xss-script')</script>",
            "<img src=x onerror=\"window.__xss='img';alert('xss-img')\">",
            "<svg onload=\"window.__xss='svg';alert('xss-svg')\"></svg>",
            "javascript:alert('xss-url')",
            "\"><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
            "</td></tr></table><b onmouseover=alert('xss-broken')>broken",
            "<a href=\"javascript:window.__xss='link'\">click me</a>",
            "{{constructor.constructor('window.__xss=1')()}}",
            "<style>body{display:none}</style><math><mtext><img src=x onerror=alert('xss-math')>");

    static List<String> xssCorpus(long now) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            ObjectNode e = JSON.createObjectNode()
                    .put("@timestamp", Instant.ofEpochMilli(now - 30_000L - i * 1000L).toString());
            e.put("message", payload);
            e.putObject("host").put("name", payload);
            e.putObject("user").put("name", "xss-user-" + i);
            e.putObject("event").put("code", "6666").put("action", "xss");
            e.putObject("url").put("original", "javascript:alert('xss-href-" + i + "')");
            e.put("<img src=x onerror=alert('xss-field-" + i + "')>", "field name attack " + i);
            e.putArray("tags").add(payload).add("xss");
            lines.add(e.toString());
        }
        return lines;
    }
}
