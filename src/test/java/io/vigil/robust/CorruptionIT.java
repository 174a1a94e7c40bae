package io.vigil.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.VigilClient;
import io.vigil.testkit.VigilProcess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage on disk, seen by a real server at start: a bit-flipped or truncated journal segment and a damaged file
 * in a day partition. Start succeeds, the log names the file (and for the journal the offset and "actual vs
 * expected"), the damaged bytes go to a quarantine folder, and everything else keeps serving.
 */
class CorruptionIT {
    @TempDir
    Path dir;

    @Test
    void bitFlipInAJournalSegmentIsQuarantinedAndTheRestServes() throws Exception {
        Path data = dir.resolve("data");
        Path config = ChaosWorkload.writeConfig(dir, ChaosWorkload.writeRule(dir), 256L << 20, 3_600_000);
        try (VigilProcess vigil = serve(data, config)) {
            VigilClient client = client(vigil);
            for (int b = 0; b < 10; b++) post(client, ChaosWorkload.bulk("jr", b * 100L, 100));
            vigil.kill(); // nothing committed (hourly commits): the store must replay it all from the journal
        }
        Path segment = largest(data.resolve("journal"), ".seg");
        long size = Files.size(segment);
        flip(segment, size * 3 / 4);
        try (VigilProcess vigil = serve(data, config)) {
            VigilClient client = client(vigil);
            String problem = vigil.awaitOutput(java.util.regex.Pattern.compile("(journal: .*)"), 30_000);
            System.out.println(problem);
            assertThat(problem).contains(segment.getFileName().toString()).contains("offset").contains("vs expected");
            assertThat(quarantined(data.resolve("journal/quarantine"))).isPositive();
            assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
            long[] counts = ChaosWorkload.bulkCounts(client, "jr", "");
            System.out.println("journal bit flip: " + counts[0] + " of 1000 events before the damage replayed");
            assertThat(counts[0]).as("records before the damaged one are replayed").isBetween(1L, 999L);
            assertThat(counts[1]).isEqualTo(counts[0]);
            post(client, ChaosWorkload.bulk("after", 0, 100));
            assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
            assertThat(ChaosWorkload.bulkCounts(client, "after", "")[0]).as("ingest works after recovery").isEqualTo(100);
        }
    }

    @Test
    void truncatedJournalSegmentStartsAndServes() throws Exception {
        Path data = dir.resolve("data");
        Path config = ChaosWorkload.writeConfig(dir, ChaosWorkload.writeRule(dir), 256L << 20, 3_600_000);
        try (VigilProcess vigil = serve(data, config)) {
            for (int b = 0; b < 10; b++) post(client(vigil), ChaosWorkload.bulk("jt", b * 100L, 100));
            vigil.kill();
        }
        Path segment = largest(data.resolve("journal"), ".seg");
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(f.length() - 37); // a torn last record, as a crash mid-write leaves it
        }
        try (VigilProcess vigil = serve(data, config)) {
            VigilClient client = client(vigil);
            assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
            long[] counts = ChaosWorkload.bulkCounts(client, "jt", "");
            assertThat(counts[0]).as("all whole records replayed").isEqualTo(900);
            assertThat(vigil.output()).anyMatch(l -> l.contains("journal: ") && l.contains(segment.getFileName().toString()));
        }
    }

    @Test
    void damagedLucenePartitionIsQuarantinedOthersServeAndTheJournalRefillsIt() throws Exception {
        Path data = dir.resolve("data");
        Path config = ChaosWorkload.writeConfig(dir, ChaosWorkload.writeRule(dir), 256L << 20, 200);
        long yesterday = Instant.now().toEpochMilli() - 86_400_000L;
        try (VigilProcess vigil = serve(data, config)) {
            VigilClient client = client(vigil);
            post(client, ChaosWorkload.bulk("today", 0, 500));
            post(client, ChaosWorkload.bulk("yday", 0, 500).replaceAll("\"@timestamp\":\"[^\"]+\"",
                    "\"@timestamp\":\"" + Instant.ofEpochMilli(yesterday) + "\""));
            assertThat(client.post("/_flush", "application/json", "").status()).isEqualTo(200);
            assertThat(vigil.stop()).isIn(0, 143);
        }
        Path partition = data.resolve("store/events-" + java.time.LocalDate.ofInstant(Instant.ofEpochMilli(yesterday),
                java.time.ZoneOffset.UTC));
        Path victim = largest(partition, "");
        flip(victim, Files.size(victim) / 2);
        try (VigilProcess vigil = serve(data, config)) {
            VigilClient client = client(vigil);
            String problem = vigil.awaitOutput(java.util.regex.Pattern.compile("(store: .*)"), 30_000);
            System.out.println(problem);
            assertThat(problem).contains(partition.getFileName().toString()).contains(victim.getFileName().toString())
                    .contains("quarantine");
            assertThat(Files.isDirectory(data.resolve("quarantine").resolve(partition.getFileName()))).isTrue();
            assertThat(client.post("/_refresh", "application/json", "").status()).isEqualTo(200);
            assertThat(ChaosWorkload.bulkCounts(client, "today", "")).as("other partitions serve, nothing doubled")
                    .containsExactly(500, 500);
            assertThat(ChaosWorkload.bulkCounts(client, "yday", "")).as("the damaged day refilled from the journal")
                    .containsExactly(500, 500);
        }
    }

    private static VigilProcess serve(Path data, Path config) throws IOException {
        return VigilProcess.serve(data, ChaosWorkload.PASSWORD, "--config", config.toString());
    }

    private static VigilClient client(VigilProcess vigil) {
        return new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
    }

    private static void post(VigilClient client, String bulk) throws Exception {
        VigilClient.Response r = client.post("/_bulk", "application/x-ndjson", bulk);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static Path largest(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> !f.getFileName().toString().startsWith("segments_") && !f.getFileName().toString().endsWith(".lock"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    private static long quarantined(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x20);
        }
    }
}
