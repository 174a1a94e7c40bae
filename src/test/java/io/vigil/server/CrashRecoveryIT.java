package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.testkit.VigilClient;
import io.vigil.testkit.VigilProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: events acknowledged by {@code _bulk} survive a SIGKILL, and come back exactly once.
 */
class CrashRecoveryIT {
    private static final String PASSWORD = "crash-test-passphrase-1";
    private static final long SEED = Long.getLong("vigil.seed", System.nanoTime());

    @TempDir
    Path data;

    @Test
    void tenThousandAcknowledgedEventsAreSearchableExactlyOnceAfterSigkill() throws Exception {
        String run = "run" + Long.toHexString(SEED);
        try (VigilProcess vigil = VigilProcess.serve(data, PASSWORD)) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", PASSWORD);
            for (int batch = 0; batch < 20; batch++) {
                VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", bulk(run, batch * 500, 500));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("errors").asBoolean()).as(r.body()).isFalse();
            }
            vigil.kill();
        }
        try (VigilProcess vigil = VigilProcess.serve(data, PASSWORD)) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", PASSWORD);
            JsonNode result = awaitTotal(client, run, 10_000);
            assertThat(result.get("total").asLong()).isEqualTo(10_000);
            assertThat(result.at("/aggs/distinct/value").asLong()).as("each event once").isEqualTo(10_000);
        }
    }

    @Test
    void eventsAcknowledgedBeforeAKillDuringIngestAreKeptWithoutDuplicates() throws Exception {
        Random random = new Random(SEED);
        System.out.println("CrashRecoveryIT seed " + SEED + " (replay with -Dvigil.seed=" + SEED + ")");
        String run = "mid" + Long.toHexString(SEED);
        AtomicInteger acked = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try (VigilProcess vigil = VigilProcess.serve(data, PASSWORD)) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", PASSWORD);
            Thread sender = new Thread(() -> {
                try {
                    for (int batch = 0; ; batch++) {
                        VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", bulk(run, batch * 200, 200));
                        if (r.status() != 200) throw new IllegalStateException("bulk answered " + r.status() + ": " + r.body());
                        acked.addAndGet(200);
                    }
                } catch (java.io.IOException connectionDied) {
                    // the server was killed mid-request: that batch was not acknowledged
                } catch (Exception e) {
                    failure.set(e);
                }
            });
            sender.start();
            while (acked.get() == 0 && sender.isAlive()) Thread.sleep(5);
            Thread.sleep(random.nextInt(1500));
            vigil.kill();
            sender.join();
        }
        assertThat(failure.get()).as("sender failed before the kill").isNull();
        assertThat(acked.get()).as("some batches were acknowledged before the kill").isPositive();
        try (VigilProcess vigil = VigilProcess.serve(data, PASSWORD)) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", PASSWORD);
            JsonNode result = awaitTotal(client, run, acked.get());
            long total = result.get("total").asLong();
            assertThat(total).as("every acknowledged event is back").isGreaterThanOrEqualTo(acked.get());
            assertThat(result.at("/aggs/distinct/value").asLong()).as("no event twice").isEqualTo(total);
        }
    }

    private static JsonNode awaitTotal(VigilClient client, String run, long atLeast) throws Exception {
        String body = """
                {"query": "labels.run:%s", "from": "now-1d", "to": "now+1d", "size": 0,
                 "aggs": {"distinct": {"cardinality": {"field": "labels.seq"}}}}""".formatted(run);
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            VigilClient.Response r = client.post("/api/search", "application/json", body);
            if (r.status() == 200) {
                last = r.json();
                if (last.get("total").asLong() >= atLeast) {
                    Thread.sleep(1500); // let any (wrong) duplicates from a replay show up too
                    return client.post("/api/search", "application/json", body).json();
                }
            }
            Thread.sleep(100);
        }
        return last;
    }

    static String bulk(String run, int first, int count) {
        StringBuilder sb = new StringBuilder();
        long now = Instant.now().toEpochMilli();
        for (int i = first; i < first + count; i++) {
            sb.append("{\"index\":{}}\n");
            sb.append("{\"@timestamp\":\"").append(Instant.ofEpochMilli(now - 3_600_000 + i)).append("\",")
              .append("\"message\":\"crash test event ").append(i).append("\",")
              .append("\"labels\":{\"run\":\"").append(run).append("\",\"seq\":\"").append(i).append("\"}}\n");
        }
        return sb.toString();
    }

}
