package io.vigil.robust;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.testkit.VigilClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the robustness ITs send and how they check it. One "run" is a label shared by the events of one trial:
 * {@code _bulk} events carry {@code labels.run} and a unique {@code event.sequence} (repeated in
 * {@code event.duration}, which has doc values, so that a cardinality over it is exact, not a lower bound); every
 * {@value #MARKER_EVERY}th one also {@code labels.marker: hit} and {@code host.name: <run>}, which the test rule
 * in {@link #writeRule} turns into one alert each. Syslog lines carry the run as APP-NAME and their sequence
 * number as PROCID and in the HOSTNAME {@code s<seq>} ({@code host.name} has doc values: exact distinct counts).
 */
final class ChaosWorkload {
    static final String RULE_ID = "7e0b0000-0000-4000-8000-00000000cafe";
    /** A correlation over the marker rule: {@value #BURST} markers of one run (host) within an hour, one alert each. */
    static final String CORRELATION_ID = "7e0b0000-0000-4000-8000-00000000beef";
    static final int BURST = 5;
    static final int MARKER_EVERY = 10;
    static final String PASSWORD = "robust-test-passphrase-1";

    private ChaosWorkload() {}

    static Path writeRule(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("marker.yml"), """
                title: Robustness marker seen
                id: %s
                name: robustness_marker
                status: test
                level: low
                logsource: { product: linux }
                detection:
                  selection:
                    labels.marker: hit
                  condition: selection
                """.formatted(RULE_ID));
        // Its window spans store commits and kills: only the correlation checkpoint keeps the count exact.
        // generate: true keeps the marker rule's own alerts (a referenced rule is otherwise silent, per Sigma).
        Files.writeString(rules.resolve("marker-burst.yml"), """
                title: Robustness markers in bursts
                id: %s
                status: test
                level: medium
                correlation:
                  type: event_count
                  rules: [ robustness_marker ]
                  group-by: [ host.name ]
                  timespan: 1h
                  condition: { gte: %d }
                  generate: true
                """.formatted(CORRELATION_ID, BURST));
        return rules;
    }

    /** A YAML configuration for chaos: 1 MiB segments (frequent roll-over), commits every 200 ms. */
    static Path writeConfig(Path dir, Path rules, long journalMaxBytes, long commitIntervalMs) throws IOException {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, """
                journal: { segment_bytes: 1048576, max_bytes: %d }
                store: { ram_buffer_mb: 16, refresh_interval_ms: 100, commit_interval_ms: %d }
                detection: { rule_dirs: [ "%s" ] }
                """.formatted(journalMaxBytes, commitIntervalMs, rules.toAbsolutePath()));
        return file;
    }

    static String bulk(String run, long first, int count) {
        StringBuilder sb = new StringBuilder(count * 200);
        long now = Instant.now().toEpochMilli();
        for (long i = first; i < first + count; i++) {
            sb.append("{\"index\":{}}\n{\"@timestamp\":\"").append(Instant.ofEpochMilli(now - 60_000)).append("\",")
              .append("\"message\":\"robust event ").append(i).append("\",\"event\":{\"sequence\":").append(i)
              .append(",\"duration\":").append(i).append("},");
            if (i % MARKER_EVERY == 0) sb.append("\"host\":{\"name\":\"").append(run).append("\"},");
            sb.append("\"labels\":{\"run\":\"").append(run).append("\"");
            if (i % MARKER_EVERY == 0) sb.append(",\"marker\":\"hit\"");
            sb.append("}}\n");
        }
        return sb.toString();
    }

    static byte[] syslogLine(String run, long seq) {
        return ("<13>1 " + Instant.now() + " s" + seq + " " + run + " " + seq + " - - robust syslog line " + seq + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends {@code _bulk} batches in sequence order until the server goes away; counts what was acknowledged. */
    static final class BulkSender implements Runnable {
        final AtomicLong acked = new AtomicLong();
        final AtomicReference<Exception> unexpected = new AtomicReference<>();
        private final VigilClient client;
        private final String run;
        private final Random random;

        BulkSender(VigilClient client, String run, long seed) {
            this.client = client;
            this.run = run;
            this.random = new Random(seed);
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = 1 + random.nextInt(300);
                    VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", bulk(run, acked.get(), n));
                    if (r.status() == 429) {
                        Thread.sleep(200);
                        continue; // not journaled: the same sequence numbers are sent again
                    }
                    JsonNode body = r.json();
                    if (r.status() != 200 || body.path("errors").asBoolean()) {
                        throw new IllegalStateException("bulk answered " + r.status() + ": " + r.body());
                    }
                    acked.addAndGet(n);
                }
            } catch (IOException serverGone) {
                // killed mid-request: that batch was not acknowledged (it may or may not be in the journal)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                unexpected.set(e);
            }
        }
    }

    /**
     * Writes syslog lines over TCP. TCP has no acknowledgement, so the harness confirms lines itself: the sender
     * pauses every {@code checkpointEvery} lines until search shows them all, and {@link #confirmed} is the count
     * confirmed so far. After a crash every confirmed line must be present; lines sent after it may be lost (they
     * were never acknowledged) but none may be duplicated.
     */
    static final class SyslogSender implements Runnable {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong confirmed = new AtomicLong();
        private final int port;
        private final String run;
        private final VigilClient client;
        private final int checkpointEvery;

        SyslogSender(int port, String run, VigilClient client, int checkpointEvery) {
            this.port = port;
            this.run = run;
            this.client = client;
            this.checkpointEvery = checkpointEvery;
        }

        @Override
        public void run() {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(syslogLine(run, sent.get()));
                    if (sent.incrementAndGet() % checkpointEvery == 0) {
                        out.flush();
                        if (!awaitSearchable(client, run, sent.get())) return;
                        confirmed.set(sent.get());
                    }
                }
            } catch (IOException | InterruptedException serverGone) {
                // the kill: lines after the last confirmation were never acknowledged
            }
        }
    }

    static boolean awaitSearchable(VigilClient client, String run, long count) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (syslogCounts(client, run)[0] >= count) return true;
            Thread.sleep(50);
        }
        return false;
    }

    /** {total, distinct sequence numbers} of a run's syslog lines. */
    static long[] syslogCounts(VigilClient client, String run) throws IOException, InterruptedException {
        return counts(client, "log.syslog.appname:" + run, "host.name");
    }

    /** {total, distinct sequence numbers} of a run's bulk events, optionally below a sequence bound. */
    static long[] bulkCounts(VigilClient client, String run, String extra) throws IOException, InterruptedException {
        return counts(client, "labels.run:" + run + (extra.isEmpty() ? "" : " AND " + extra), "event.duration");
    }

    static long[] counts(VigilClient client, String query, String distinctField) throws IOException, InterruptedException {
        String body = """
                {"query": "%s", "from": "now-2d", "to": "now+1d", "size": 0,
                 "aggs": {"distinct": {"cardinality": {"field": "%s"}}}}""".formatted(query, distinctField);
        VigilClient.Response r = client.post("/api/search", "application/json", body);
        if (r.status() != 200) throw new IOException("search answered " + r.status() + ": " + r.body());
        JsonNode json = r.json();
        return new long[] {json.get("total").asLong(), json.at("/aggs/distinct/value").asLong()};
    }

    static long alerts(VigilClient client, String run) throws IOException, InterruptedException {
        return alerts(client, run, RULE_ID);
    }

    static long alerts(VigilClient client, String run, String ruleId) throws IOException, InterruptedException {
        VigilClient.Response r = client.get("/api/alerts?rule=" + ruleId + "&host=" + run + "&limit=10000");
        if (r.status() != 200) throw new IOException("alerts answered " + r.status() + ": " + r.body());
        return r.json().get("alerts").size();
    }
}
