package io.vigil.alert;

import io.vigil.meta.MetaDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link AlertDurabilityAfterKillTest}: does to the metadata database what the pipeline
 * does — save a batch of alerts, {@link MetaDatabase#checkpoint()} (after which the store may commit the events
 * that raised them), print {@code durable <count>}, next batch — while a second thread keeps rewriting one large
 * row (as incidents are rewritten for every alert they gain), so that H2 has background writes and compaction of
 * its own going on, and busy threads compete with H2's writer threads for the CPU. It runs until the parent kills
 * it with SIGKILL. {@code CheckpointDurabilityTest} in {@code meta} holds H2's writes at the worst moment instead.
 *
 * <p>Argument: the data directory.
 */
public final class AlertWriterProcess {
    static final int BATCH = 20;
    static final String HOST = "checkpointed";

    private AlertWriterProcess() {}

    public static void main(String[] args) throws Exception {
        MetaDatabase db = MetaDatabase.open(Path.of(args[0]));
        AlertRepository alerts = new AlertRepository(db, Clock.systemUTC());
        Thread.ofPlatform().daemon().start(() -> rewriteForever(db));
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread.ofPlatform().daemon().start(AlertWriterProcess::spin); // H2's own writer threads get the CPU late
        }
        String session = Long.toHexString(System.nanoTime()); // alert ids differ from earlier runs on the same data
        for (int b = 0; ; b++) {
            List<Alert> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) batch.add(alert(session + "-" + b + "-" + i));
            alerts.saveNew(batch);
            db.checkpoint();
            System.out.println("durable " + (long) (b + 1) * BATCH);
            System.out.flush();
        }
    }

    private static void rewriteForever(MetaDatabase db) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, v CLOB)");
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO churn KEY (id) VALUES (?, ?)")) {
                for (int n = 0; ; n++) {
                    ps.setInt(1, n % 4);
                    ps.setString(2, Integer.toString(n).repeat(3_000));
                    ps.executeUpdate();
                }
            }
        } catch (Exception e) {
            System.out.println("churn failed: " + e);
        }
    }

    private static void spin() {
        long x = 0;
        while (true) x += System.nanoTime() % 3;
    }

    static Alert alert(String key) {
        String id = Alert.idFor("rule-" + HOST, List.of(key));
        return new Alert(id, "rule-" + HOST, "durability", "low", List.of(), List.of(key), HOST, null,
                Instant.now(), Instant.now(), null, Map.of("padding", "x".repeat(500)));
    }
}
