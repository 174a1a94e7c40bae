package io.vigil.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.VigilClient;
import io.vigil.testkit.VigilProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time to recover from a crash with N events journaled but not committed (commits hourly, so the store has none
 * of them): from the restart until all N are searchable. {@code -Dvigil.recovery.events=N} (default 100,000).
 */
class RecoveryTimeIT {
    @TempDir
    Path dir;

    @Test
    @Tag("slow")
    void hundredThousandUncommittedEventsAreSearchableSoonAfterARestart() throws Exception {
        int n = Integer.getInteger("vigil.recovery.events", 100_000);
        Path config = ChaosWorkload.writeConfig(dir, ChaosWorkload.writeRule(dir), 1L << 30, 3_600_000);
        Path data = dir.resolve("data");
        try (VigilProcess vigil = VigilProcess.serve(data, ChaosWorkload.PASSWORD, "--config", config.toString())) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
            for (int sent = 0; sent < n; sent += 1000) {
                VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", ChaosWorkload.bulk("rec", sent, 1000));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            vigil.kill();
        }
        long start = System.nanoTime();
        try (VigilProcess vigil = VigilProcess.serve(data, ChaosWorkload.PASSWORD, "--config", config.toString())) {
            long listening = System.nanoTime();
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
            assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
            long searchable = System.nanoTime();
            long[] counts = ChaosWorkload.bulkCounts(client, "rec", "");
            assertThat(counts[0]).isEqualTo(n);
            assertThat(counts[1]).isEqualTo(n);
            System.out.printf("recovery: %,d uncommitted events; restart to listening %d ms, to all searchable %d ms%n", n,
                    (listening - start) / 1_000_000, (searchable - start) / 1_000_000);
        }
    }
}
