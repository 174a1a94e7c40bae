package io.vigil.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code CHECKPOINT SYNC} promises with {@link MetaDatabase}'s settings: once it returns, every committed
 * row is in the file, even when H2's own background writer had picked the rows up and had not written them yet.
 * With H2's default {@code WRITE_DELAY} (500 ms) the background writer takes the changes, hands the write to a
 * thread of its own and the checkpoint finds "nothing unsaved" and returns at once — a SIGKILL then loses up to
 * half a second of committed rows (the crash run's 144 lost alerts: their events were committed after it).
 */
class CheckpointDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void checkpointReturnsOnlyOnceCommittedRowsAreInTheFile() throws Exception {
        HeldWritesFileSystem.register();
        Path file = dir.resolve("db");
        String url = "jdbc:h2:held:" + file.toAbsolutePath() + MetaDatabase.SETTINGS;
        try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
            execute(keeper, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(1000))");
            execute(keeper, "CHECKPOINT SYNC");
            HeldWritesFileSystem.hold();
            try {
                insertRows(url, 200);
                HeldWritesFileSystem.awaitHeldWrite(1_500); // the default write delay lets a background write start
                CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(() -> executeQuietly(url, "CHECKPOINT SYNC"));
                try {
                    checkpoint.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException waitingForTheWrite) {
                    HeldWritesFileSystem.release(); // it waits for the held write, as it should: let it finish
                    checkpoint.get(10, TimeUnit.SECONDS);
                }
                Files.copy(dir.resolve("db.mv.db"), Files.createDirectories(dir.resolve("killed")).resolve("db.mv.db"));
            } finally {
                HeldWritesFileSystem.release();
            }
        }
        assertThat(rows("jdbc:h2:file:" + dir.resolve("killed/db").toAbsolutePath()))
                .as("rows in the file as a SIGKILL right after the checkpoint would leave it").isEqualTo(200);
    }

    private static void insertRows(String url, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                ps.setInt(1, i);
                ps.setString(2, "row " + i + " ".repeat(500));
                ps.executeUpdate();
            }
        }
    }

    private static long rows(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void executeQuietly(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            execute(c, sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
