package io.vigil.access.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log as an append-only file, {@code <data>/audit/audit.jsonl} (format in {@link AuditChain}).
 * Each record is written and fsynced before {@link #record} returns. The folder is 700 and the file 600.
 * At open, a torn last line (a crash mid-write, no trailing newline) is moved to {@code audit.jsonl.torn}
 * and cut off, so the next record starts on a line of its own; the chain continues from the last whole
 * record. Searching reads the file (audit volumes are small next to events). Thread-safe (appends are
 * serialised).
 *
 * <p>A full disk must not silence the audit trail nor stop what it guards (searches stay available when ingest
 * is refused): {@link AuditReserve} keeps a ballast file beside the log that is deleted to make room when an
 * append finds the disk full, and re-created once space returns. A failed append is cut back off the file.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable {
    public static final String FOLDER = "audit";
    public static final String FILE_NAME = "audit.jsonl";

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;
    private final AuditReserve reserve;
    private long lastSeq;
    private String lastHash;

    private FileAuditLog(Path file, Clock clock, FileChannel channel, long lastSeq, String lastHash) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.reserve = new AuditReserve(file.resolveSibling(AuditReserve.FILE_NAME), clock);
        reserve.restoreIfDue();
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }

    /** The audit file of a data directory (for {@code vigil audit verify}). */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve(FOLDER).resolve(FILE_NAME);
    }

    public static FileAuditLog open(Path dataDir, Clock clock) {
        Path file = fileIn(dataDir);
        try {
            Files.createDirectories(file.getParent());
            restrict(file.getParent(), "rwx------");
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            restrict(file, "rw-------");
            cutTornTail(file);
            AuditRecord last = lastRecord(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new FileAuditLog(file, clock, channel, last == null ? 0 : last.seq(),
                    last == null ? AuditChain.GENESIS : last.hash());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AuditRecord record(String actor, String action, String target, Map<String, String> details) {
        Map<String, String> clean = new TreeMap<>();
        if (details != null) {
            details.forEach((k, v) -> clean.put(String.valueOf(k), v == null ? "" : v));
        }
        AuditRecord r = AuditChain.next(lastSeq + 1, clock.instant(), nonNull(actor), nonNull(action), nonNull(target),
                clean, lastHash);
        byte[] bytes = (AuditChain.toLine(r) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (!append(bytes)) {
                // The disk is full: spend the reserve so that the audit trail (and what it guards) keeps going.
                if (!reserve.release() || !append(bytes)) {
                    throw new IOException("No space left on device, and the audit reserve " + reserve.file() + " is spent");
                }
            }
            reserve.restoreIfDue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the audit log " + file + ": " + e.getMessage()
                    + "; free disk space in " + file.getParent().getParent() + " (the action was refused, not logged)", e);
        }
        lastSeq = r.seq();
        lastHash = r.hash();
        return r;
    }

    /**
     * Appends and fsyncs one line; false when the disk is full, after cutting any partial line back off, so that
     * the file never holds a torn record in its middle. Other I/O errors are thrown.
     */
    private boolean append(byte[] bytes) throws IOException {
        long before = channel.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            return true;
        } catch (IOException e) {
            channel.truncate(before);
            if (!String.valueOf(e.getMessage()).contains("No space left")) throw e;
            return false;
        }
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        List<AuditRecord> matches = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                AuditRecord r = parseOrNull(line);
                if (r != null && query.matches(r)) {
                    matches.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
        Collections.reverse(matches);
        return matches.size() > query.limit() ? List.copyOf(matches.subList(0, query.limit())) : matches;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit log " + file, e);
        }
    }

    private static AuditRecord parseOrNull(String line) {
        try {
            return AuditChain.fromLine(line);
        } catch (IllegalArgumentException e) {
            return null; // a damaged line is for `vigil audit verify` to report, not for search to fail on
        }
    }

    private static AuditRecord lastRecord(Path file) throws IOException {
        AuditRecord last = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                AuditRecord r = parseOrNull(line);
                last = r == null ? last : r;
            }
        }
        return last;
    }

    private static void cutTornTail(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length == 0 || all[all.length - 1] == '\n') {
            return;
        }
        int keep = 0;
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i] == '\n') {
                keep = i + 1;
                break;
            }
        }
        Path torn = file.resolveSibling(FILE_NAME + ".torn");
        Files.write(torn, java.util.Arrays.copyOfRange(all, keep, all.length),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
            ch.force(true);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
