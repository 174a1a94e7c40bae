package io.vigil.access.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A ballast file of {@value #BYTES} bytes beside the audit log ({@code audit.reserve}, about 3,000 records):
 * deleting it gives the audit log room when the disk is full; it is re-created, at most once a minute, when an
 * append succeeds without it. Not thread-safe: used under {@link FileAuditLog}'s lock.
 */
final class AuditReserve {
    static final String FILE_NAME = "audit.reserve";
    static final int BYTES = 1 << 20;
    private static final long RETRY_MILLIS = 60_000;

    private final Path file;
    private final Clock clock;
    private long lastAttempt = Long.MIN_VALUE / 2;

    AuditReserve(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    /** Deletes the ballast; false when there was none left to spend. */
    boolean release() throws IOException {
        return Files.deleteIfExists(file);
    }

    /** Re-creates the ballast if it is missing and the last attempt is a minute old; a full disk just means later. */
    void restoreIfDue() {
        long now = clock.millis();
        if (Files.exists(file) || now - lastAttempt < RETRY_MILLIS) return;
        lastAttempt = now;
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(new byte[BYTES]); // written, not sparse: the blocks must really be held
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException noRoomYet) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to undo; the next attempt tries again
            }
        }
    }
}
