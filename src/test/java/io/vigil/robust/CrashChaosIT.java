package io.vigil.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.VigilClient;
import io.vigil.testkit.VigilProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments while {@code _bulk} and syslog TCP ingest, with 1 MiB journal segments (a roll-over
 * every few thousand events) and a commit every 200 ms, then restart on the same data directory and check:
 * <ul>
 *   <li>{@code _bulk}: every acknowledged event is searchable exactly once (no sequence number twice);</li>
 *   <li>syslog TCP: no line twice, and every line the harness saw searchable before the kill is still there
 *       (TCP has no acknowledgement; see {@link ChaosWorkload.SyslogSender});</li>
 *   <li>alerts: one per stored marker event, none lost by the crash, none raised twice by the replay; and one
 *       correlation alert per {@link ChaosWorkload#BURST} stored markers of a run (its window spans kills).</li>
 * </ul>
 * Trials share the data directory, so each restart recovers every earlier crash's state too and all earlier
 * runs are checked again. Replay a failure with {@code -Dvigil.seed=N}; {@code -Dvigil.trials=N} overrides the count.
 */
class CrashChaosIT {
    private static final long SEED = Long.getLong("vigil.seed", System.nanoTime());

    @TempDir
    Path dir;

    /** What one trial acknowledged, checked after every later restart too. */
    private record Trial(String run, long bulkAcked, long syslogConfirmed) {}

    @Test
    void threeRandomKillsLoseAndDuplicateNothing() throws Exception {
        runTrials(Integer.getInteger("vigil.trials", 3));
    }

    @Test
    @Tag("slow")
    void fiftyRandomKillsLoseAndDuplicateNothing() throws Exception {
        runTrials(Integer.getInteger("vigil.trials", 50));
    }

    private void runTrials(int trials) throws Exception {
        System.out.println("CrashChaosIT seed " + SEED + " (replay with -Dvigil.seed=" + SEED + "), " + trials + " trials");
        Random random = new Random(SEED);
        Path rules = ChaosWorkload.writeRule(dir);
        Path config = ChaosWorkload.writeConfig(dir, rules, 256L << 20, 200);
        Path data = dir.resolve("data");
        List<Trial> done = new ArrayList<>();
        VigilProcess vigil = start(data, config);
        try {
            for (int t = 0; t < trials; t++) {
                Trial trial = ingestAndKill(vigil, "r" + t + "x" + Long.toHexString(SEED & 0xffffff), random);
                long restartAt = System.nanoTime();
                vigil = start(data, config);
                VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
                done.add(trial);
                for (Trial earlier : done) verify(client, earlier, vigil);
                System.out.printf("trial %d: %d bulk acked, %d syslog confirmed; restart to all searchable %d ms%n", t,
                        trial.bulkAcked(), trial.syslogConfirmed(), (System.nanoTime() - restartAt) / 1_000_000);
            }
        } finally {
            vigil.close();
        }
        System.out.println("CrashChaosIT: " + trials + " trials, 0 acknowledged events lost, 0 duplicated");
    }

    private static VigilProcess start(Path data, Path config) throws Exception {
        return VigilProcess.serve(data, ChaosWorkload.PASSWORD, "--config", config.toString(), "--syslog-tcp-port", "0");
    }

    private Trial ingestAndKill(VigilProcess vigil, String run, Random random) throws Exception {
        VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
        var bulk = new ChaosWorkload.BulkSender(client, run, random.nextLong());
        var syslog = new ChaosWorkload.SyslogSender(vigil.syslogTcpPort(), run, client, 1 + random.nextInt(200));
        Thread bulkThread = Thread.ofPlatform().name("bulk-" + run).start(bulk);
        Thread syslogThread = Thread.ofPlatform().name("syslog-" + run).start(syslog);
        while (bulk.acked.get() == 0 && bulkThread.isAlive()) Thread.sleep(5);
        Thread.sleep(random.nextInt(3000));
        vigil.kill();
        bulkThread.join(60_000);
        syslogThread.join(60_000);
        assertThat(bulk.unexpected.get()).as("bulk sender failed before the kill").isNull();
        return new Trial(run, bulk.acked.get(), syslog.confirmed.get());
    }

    private static void verify(VigilClient client, Trial trial, VigilProcess vigil) throws Exception {
        String run = trial.run();
        VigilClient.Response refreshed = client.post("/_refresh", "application/json", "");
        assertThat(refreshed.status()).as("everything journaled becomes searchable: %s", refreshed.body()).isEqualTo(200);
        long[] ackedPart = awaitAtLeast(() -> ChaosWorkload.bulkCounts(client, run, "event.sequence < " + trial.bulkAcked()),
                trial.bulkAcked());
        assertThat(ackedPart[0]).as("%s: acknowledged bulk events present (seed %d)\n%s", run, SEED, tail(vigil))
                .isEqualTo(trial.bulkAcked());
        long[] bulk = ChaosWorkload.bulkCounts(client, run, "");
        assertThat(bulk[1]).as("%s: no bulk event twice (seed %d)", run, SEED).isEqualTo(bulk[0]);
        long[] syslog = awaitAtLeast(() -> ChaosWorkload.syslogCounts(client, run), trial.syslogConfirmed());
        assertThat(syslog[0]).as("%s: confirmed syslog lines present (seed %d)", run, SEED)
                .isGreaterThanOrEqualTo(trial.syslogConfirmed());
        assertThat(syslog[1]).as("%s: no syslog line twice (seed %d)", run, SEED).isEqualTo(syslog[0]);
        long markers = ChaosWorkload.bulkCounts(client, run, "labels.marker:hit")[0];
        long alerts = awaitAtLeast(() -> new long[] {ChaosWorkload.alerts(client, run)}, markers)[0];
        assertThat(alerts).as("%s: one alert per stored marker event (seed %d)", run, SEED).isEqualTo(markers);
        // The correlation fires at every BURST-th marker of the run and empties its window, whatever kills and
        // replays happened in between: a lost window would give fewer, a replayed one more or other ids.
        long expectedBursts = markers / ChaosWorkload.BURST;
        long bursts = awaitAtLeast(() -> new long[] {ChaosWorkload.alerts(client, run, ChaosWorkload.CORRELATION_ID)},
                expectedBursts)[0];
        assertThat(bursts).as("%s: one correlation alert per %d stored markers (seed %d)", run, ChaosWorkload.BURST, SEED)
                .isEqualTo(expectedBursts);
    }

    private interface Counts {
        long[] get() throws Exception;
    }

    /** Polls until the first count reaches {@code target} (or 60 s pass), then waits a little for wrong extras. */
    private static long[] awaitAtLeast(Counts counts, long target) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long[] last = counts.get();
        while (last[0] < target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = counts.get();
        }
        return last;
    }

    private static String tail(VigilProcess vigil) {
        List<String> out = vigil.output();
        return String.join("\n", out.subList(Math.max(0, out.size() - 40), out.size()));
    }
}
