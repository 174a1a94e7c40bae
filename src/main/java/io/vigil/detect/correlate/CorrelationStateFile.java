package io.vigil.detect.correlate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CorrelationState} checkpoint on disk, as JSON, with the journal position it covers (every record
 * below it was fed to the engine, none above). Written atomically: a temporary file is fsynced, renamed over
 * the old one and the directory fsynced, so after a crash the file holds either the old or the new
 * checkpoint, whole. Not thread-safe: one writer (the pipeline thread).
 */
public final class CorrelationStateFile {

    /** The conventional location under a data directory. */
    public static final String RELATIVE_PATH = "detect/correlations.json";

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a checkpoint holds: the state after processing every journal record below {@code position}. */
    public record Saved(long position, CorrelationState state) {
        public Saved {
            Objects.requireNonNull(state, "state");
            if (position < 0) throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
    }

    /** The file's content: the format version first, so a later format can be told apart. */
    record Document(int format, long position, CorrelationState state) {}

    private final Path file;

    public CorrelationStateFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The checkpoint file of the data directory {@code data}. */
    public static CorrelationStateFile in(Path data) {
        return new CorrelationStateFile(data.resolve(RELATIVE_PATH));
    }

    public Path path() {
        return file;
    }

    /** Replaces the checkpoint atomically and durably. */
    public void write(long position, CorrelationState state) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(new Document(FORMAT, position, state));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (var buf = java.nio.ByteBuffer.wrap(bytes); buf.hasRemaining(); ) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically (" + e.getMessage()
                    + "); put the data directory on a local filesystem", e);
        }
        fsyncDirectory(dir);
    }

    /** The checkpoint, or empty when there is none; an unreadable file is an IOException naming it. */
    public Optional<Saved> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            Document doc = JSON.readValue(bytes, Document.class);
            if (doc.format() != FORMAT) {
                throw new IOException("correlation state " + file + " has format " + doc.format() + ", expected "
                        + FORMAT + "; delete it to start with empty correlation windows");
            }
            return Optional.of(new Saved(doc.position(), doc.state()));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("correlation state " + file + " is not readable (" + e.getMessage() + ")", e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory for fsync; the rename is still atomic there
            if (!System.getProperty("os.name", "").startsWith("Windows")) throw e;
        }
    }
}
