package io.vigil.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.testkit.VigilClient;
import io.vigil.testkit.VigilProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a 64 MiB tmpfs that a filler file fills up: Vigil stops acknowledging with an error that
 * names disk space, keeps answering searches, resumes once the filler is deleted, and neither the journal nor the
 * store is damaged (a restart finds nothing to truncate or quarantine), and the H2 metadata database refuses its
 * writes before the disk is full instead of meeting the full disk (which damaged it). Needs root for {@code mount};
 * elsewhere the test is skipped with the reason. About a minute on the shared 2-core machine.
 */
class FullDiskIT {
    @TempDir
    Path dir;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountSmallFilesystem() throws Exception {
        mount = Files.createDirectories(dir.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        mounted = p.waitFor() == 0;
        // only a non-root developer may skip this; as root (CI, ./test's usual setting) a failed mount fails
        assumeTrue(mounted || !"root".equals(System.getProperty("user.name")),
                "mounting a 64 MiB tmpfs needs root: " + out.strip());
        org.assertj.core.api.Assertions.assertThat(mounted).as("mount tmpfs as root: " + out.strip()).isTrue();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
    }

    @Test
    void fullDiskRefusesIngestWithAClearErrorKeepsSearchingAndResumesWhenSpaceReturns() throws Exception {
        Path config = ChaosWorkload.writeConfig(dir, ChaosWorkload.writeRule(dir), 1L << 30, 200);
        Path data = mount.resolve("data");
        long acked = 0;
        long start = System.nanoTime();
        try (VigilProcess vigil = serve(data, config)) {
            phase("started", start);
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
            acked += send(client, acked, 8);
            assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
            phase("4,000 events stored", start);
            Path filler = mount.resolve("filler");
            fill(filler);
            phase("disk filled", start);
            VigilClient.Response refused = null;
            for (int i = 0; i < 50 && refused == null; i++) {
                VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", ChaosWorkload.bulk("disk", acked, 500));
                if (r.status() == 200 && !r.json().path("errors").asBoolean()) acked += 500; else refused = r;
            }
            assertThat(refused).as("ingest refused once the disk is full").isNotNull();
            System.out.println("full disk answer: " + refused.status() + " " + refused.body());
            assertThat(refused.status()).isIn(429, 503);
            assertThat(refused.body()).containsIgnoringCase("space");
            VigilClient.Response search = client.post("/api/search", "application/json",
                    "{\"query\": \"labels.run:disk\", \"from\": \"now-2d\", \"to\": \"now+1d\", \"size\": 1}");
            assertThat(search.status()).as("searches still served: %s\n%s", search.body(), tail(vigil)).isEqualTo(200);
            assertThat(search.json().get("total").asLong()).as("what was stored before stays searchable")
                    .isGreaterThanOrEqualTo(4_000);
            Thread.sleep(3000); // let the pipeline hit the full disk too (flush, commit) and keep retrying
            String metrics = client.get("/metrics").body();
            System.out.println("while full: pipeline restarts " + OverloadIT.metric(metrics, "vigil_pipeline_restarts")
                    + ", failing " + OverloadIT.metric(metrics, "vigil_pipeline_failing") + "; log lines of refused metadata writes "
                    + vigil.output().stream().filter(l -> l.contains("metadata database refuses writes")).count());
            Files.delete(filler);
            phase("space returned", start);
            acked += sendWithRetry(client, acked, 8);
            phase("ingest resumed", start);
            // the pipeline may still be in its retry backoff (up to 30 s) when space returns: wait for it to resume
            VigilClient.Response refreshed = client.post("/_refresh", "application/json", "");
            for (long deadline = System.nanoTime() + 90_000_000_000L; refreshed.status() == 503 && System.nanoTime() < deadline; ) {
                Thread.sleep(500);
                refreshed = client.post("/_refresh", "application/json", "");
            }
            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
            phase("pipeline caught up", start);
            long[] counts = ChaosWorkload.bulkCounts(client, "disk", "");
            assertThat(counts[0]).as("every acknowledged event stored").isEqualTo(acked);
            assertThat(counts[1]).as("exactly once").isEqualTo(counts[0]);
            assertThat(vigil.stop()).as("clean SIGTERM exit").isIn(0, 143);
        }
        try (VigilProcess vigil = serve(data, config)) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
            assertThat(ChaosWorkload.bulkCounts(client, "disk", "")[0]).isEqualTo(acked);
            assertThat(vigil.output()).as("nothing truncated or quarantined at restart")
                    .noneMatch(l -> l.contains("ERROR") && (l.contains("journal:") || l.contains("store:")));
            assertThat(vigil.output()).as("metadata database refused writes while the disk was full, never failed")
                    .noneMatch(l -> l.contains("Table") && l.contains("not found"));
        }
        phase("restarted and checked", start);
    }

    private static void phase(String what, long start) {
        System.out.printf("FullDiskIT %5.1f s: %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    private static String tail(VigilProcess vigil) {
        List<String> out = vigil.output();
        return String.join("\n", out.subList(Math.max(0, out.size() - 60), out.size()));
    }

    private static VigilProcess serve(Path data, Path config) throws IOException {
        return VigilProcess.serveWithJvm(List.of("-Xmx512m"), data, ChaosWorkload.PASSWORD, "--config", config.toString());
    }

    private static long send(VigilClient client, long first, int batches) throws Exception {
        for (int b = 0; b < batches; b++) {
            VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", ChaosWorkload.bulk("disk", first + b * 500L, 500));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return batches * 500L;
    }

    /** Sends batches, retrying each refused one (as a shipper would) until the disk has room again. */
    private static long sendWithRetry(VigilClient client, long first, int batches) throws Exception {
        long sent = 0;
        for (int attempt = 0; sent < batches * 500L && attempt < 600; attempt++) {
            VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", ChaosWorkload.bulk("disk", first + sent, 500));
            if (r.status() == 200 && !r.json().path("errors").asBoolean()) sent += 500; else Thread.sleep(200);
        }
        assertThat(sent).as("ingest resumed after space returned").isEqualTo(batches * 500L);
        return sent;
    }

    /** Writes zeros until the filesystem refuses. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("space")) throw full;
        }
    }
}
