package io.vigil.server.cli;

import io.vigil.access.Accounts;
import io.vigil.access.audit.FileAuditLog;
import io.vigil.meta.MetaDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * The data directory opened by an offline command: metadata database, accounts and the audit log. The
 * server holds the database lock while running, so these commands are for a stopped server (or use the
 * HTTP API). The directory is created owner-only (700) when it does not exist yet.
 */
public final class OfflineData implements AutoCloseable {
    final MetaDatabase db;
    final Accounts accounts;
    final FileAuditLog audit;
    final String actor;

    private OfflineData(MetaDatabase db, Accounts accounts, FileAuditLog audit) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.actor = "cli:" + System.getProperty("user.name", "unknown");
    }

    static OfflineData open(Path dataDir) {
        createOwnerOnly(dataDir);
        MetaDatabase db;
        try {
            db = MetaDatabase.open(dataDir);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot open the metadata database in " + dataDir + " (" + e.getMessage()
                    + "); if the server is running, stop it first or use the HTTP API (/api/users, /api/tokens)", e);
        }
        return new OfflineData(db, new Accounts(db, Clock.systemUTC()), FileAuditLog.open(dataDir, Clock.systemUTC()));
    }

    /** Creates {@code dir} (and parents) if absent, and makes it rwx------ . */
    public static void createOwnerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }

    @Override
    public void close() {
        audit.close();
        db.close();
    }
}
