package io.vigil.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata database on a disk that fills up: writes are refused with an error naming the disk before H2
 * ever meets "no space left" (which leaves it forgetting tables, and its file half-migrated), reads go on, writes
 * resume when space returns, and the file reopens whole.
 */
class MetaDatabaseFullDiskTest {
    @TempDir
    Path dir;

    @Test
    void guardRefusesWritingStatementsButNotQueriesBelowTheFloor() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("g").toAbsolutePath() + MetaDatabase.SETTINGS;
        try (Connection raw = DriverManager.getConnection(url, "sa", "")) {
            execute(raw, "CREATE TABLE t (id INT PRIMARY KEY)");
            Connection full = new DiskSpaceGuard(dir, Long.MAX_VALUE).guard(raw);
            assertThatThrownBy(() -> execute(full, "INSERT INTO t VALUES (1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("MiB free on the disk of " + dir)
                    .hasMessageContaining("free disk space, then retry")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(DiskSpaceGuard.DISK_FULL_STATE));
            try (PreparedStatement ps = full.prepareStatement("MERGE INTO t KEY (id) VALUES (?)")) {
                ps.setInt(1, 2);
                assertThatThrownBy(ps::executeUpdate).hasMessageContaining("refuses writes");
            }
            assertThat(count(full)).isZero();
            Connection roomy = new DiskSpaceGuard(dir, 0).guard(raw);
            execute(roomy, "INSERT INTO t VALUES (3)");
            assertThat(count(full)).isEqualTo(1);
        }
    }

    @Test
    void fullDiskRefusesWritesKeepsReadsResumesAndLeavesTheFileWhole() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor() == 0;
        assumeTrue(mounted || !"root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root: " + out);
        assertThat(mounted).as("mount tmpfs as root: %s", out).isTrue();
        try {
            Path data = mount.resolve("data");
            try (MetaDatabase db = MetaDatabase.open(data)) {
                execute(db.connect(), "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(4000))");
                insert(db, 0, 50);
                Path filler = mount.resolve("filler");
                fill(filler);
                assertThatThrownBy(() -> insert(db, 50, 1)).hasMessageContaining("refuses writes");
                assertThatThrownBy(db::checkpoint).hasMessageContaining("refuses writes");
                assertThat(count(db.connect())).as("reads while full").isEqualTo(50);
                Files.delete(filler);
                insert(db, 50, 50);
                db.checkpoint();
            }
            try (MetaDatabase db = MetaDatabase.open(data)) {
                assertThat(db.appliedAtOpen()).as("every migration still recorded").isEmpty();
                assertThat(count(db.connect())).isEqualTo(100);
            }
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    private static void insert(MetaDatabase db, int first, int count) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = first; i < first + count; i++) {
                ps.setInt(1, i);
                ps.setString(2, "x".repeat(3000));
                ps.executeUpdate();
            }
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("space")) throw full;
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
