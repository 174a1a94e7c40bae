package io.vigil.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded H2 metadata database at {@code <dataDir>/meta/vigil} (accounts, tokens; later rules and
 * cases). Opening it applies pending migrations from {@code db/migration} on the classpath and verifies
 * the checksums of those already applied; a mismatch is a startup error naming the script.
 *
 * <p>The folder is created owner-only (rwx------) and every file in it is made rw------- after opening,
 * because it holds password and token hashes. One connection is kept open for the life of this object so
 * H2 keeps the database open; {@link #connect()} hands out further connections (cheap in embedded mode).
 * Thread-safe: use one connection per operation.
 */
public final class MetaDatabase implements AutoCloseable {
    /**
     * URL settings. TRACE_LEVEL_FILE=0: no vigil.trace.db next to the data, which could leak SQL with hashes in it.
     * WRITE_DELAY=0: every commit is written to the file by the committing thread before it returns. With H2's
     * default (500 ms) a background writer takes committed changes and hands the write to threads of its own;
     * {@code CHECKPOINT SYNC} then finds nothing unsaved and returns before that write happened, so a SIGKILL
     * right after it lost committed rows (alerts whose events the store had already committed: never replayed).
     * The cost is one small file write per transaction, which is why batches of rows go in one transaction.
     */
    static final String SETTINGS = ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0";
    private final Path directory;
    private final String url;
    private final Connection keeper;
    private final DiskSpaceGuard guard;
    private final List<Integer> appliedAtOpen;

    private MetaDatabase(Path directory, String url, Connection keeper, DiskSpaceGuard guard, List<Integer> appliedAtOpen) {
        this.directory = directory;
        this.url = url;
        this.keeper = keeper;
        this.guard = guard;
        this.appliedAtOpen = appliedAtOpen;
    }

    /** Opens (creating if needed) the database under {@code dataDir} with the classpath migrations. */
    public static MetaDatabase open(Path dataDir) {
        return open(dataDir, ClasspathMigrations.load(ClasspathMigrations.DEFAULT_FOLDER));
    }

    /** Opens with an explicit migration list (tests, tools). */
    public static MetaDatabase open(Path dataDir, List<Migration> migrations) {
        return open(dataDir, migrations, DiskSpaceGuard.DEFAULT_FLOOR_BYTES);
    }

    /**
     * Opens with a given floor of free disk space below which writes are refused (see {@link DiskSpaceGuard}).
     */
    static MetaDatabase open(Path dataDir, List<Migration> migrations, long freeSpaceFloorBytes) {
        Path directory = dataDir.resolve("meta");
        createOwnerOnlyDirectory(directory);
        String url = "jdbc:h2:file:" + directory.resolve("vigil").toAbsolutePath() + SETTINGS;
        Connection keeper = null;
        try {
            DiskSpaceGuard guard = new DiskSpaceGuard(directory, freeSpaceFloorBytes);
            keeper = DriverManager.getConnection(url, "vigil", "");
            List<Integer> applied = SchemaMigrator.migrate(guard.guard(keeper), migrations);
            restrictFiles(directory);
            return new MetaDatabase(directory, url, keeper, guard, applied);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(keeper);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot open metadata database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new connection in auto-commit mode; the caller closes it. Statements that may write fail with SQLSTATE
     * {@value DiskSpaceGuard#DISK_FULL_STATE} while the disk is nearly full ({@link DiskSpaceGuard}); reads work.
     */
    public Connection connect() throws SQLException {
        return guard.guard(DriverManager.getConnection(url, "vigil", ""));
    }

    /**
     * Forces everything committed so far onto disk (fsync). A commit is already in the file when it returns
     * ({@link #SETTINGS}: safe against SIGKILL); callers that must not lose a commit across a power cut (alerts,
     * before the events that raised them are committed to the store) call this first.
     */
    public void checkpoint() {
        try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("metadata database checkpoint failed: " + e.getMessage(), e);
        }
    }

    /** The migration versions this open applied (empty when the schema was already current). */
    public List<Integer> appliedAtOpen() {
        return appliedAtOpen;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        closeQuietly(keeper);
    }

    private static void createOwnerOnlyDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            setPermissions(directory, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create metadata folder " + directory, e);
        }
    }

    private static void restrictFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                setPermissions(file, "rw-------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict permissions in " + directory, e);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on a failure path or shutdown; the original error (if any) is what matters
        }
    }
}
