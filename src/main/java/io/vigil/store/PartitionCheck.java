package io.vigil.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The start-up check of a day partition: opens its last commit and verifies every file's checksum
 * ({@link CodecReader#checkIntegrity()}, Lucene's cheapest full check: one sequential read of the partition).
 * A damaged partition is moved to {@code quarantine/} next to the store directory, never deleted, so that the
 * other partitions keep serving and its events can be replayed from the journal.
 *
 * <p>Only corruption counts as damage (a {@link CorruptIndexException}, a truncated file, a missing file, an
 * unreadable format); any other I/O error (permissions, too many open files) is thrown, not quarantined.
 */
final class PartitionCheck {
    static final String QUARANTINE = "quarantine";

    private PartitionCheck() {}

    /** Empty when the partition is sound; otherwise what is wrong with it, naming the file Lucene names. */
    static Optional<String> damage(Path partition) throws IOException {
        try (Directory directory = FSDirectory.open(partition)) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    if (leaf.reader() instanceof CodecReader codec) codec.checkIntegrity();
                }
                return Optional.empty();
            } catch (IndexNotFoundException e) {
                return hasIndexFiles(partition)
                        ? Optional.of("no commit point (segments_N) although index files exist: " + e.getMessage())
                        : Optional.empty(); // created but never committed: it holds nothing
            } catch (CorruptIndexException | EOFException | NoSuchFileException | IndexFormatTooOldException
                     | IndexFormatTooNewException e) {
                return Optional.of(e.toString());
            }
        }
    }

    private static boolean hasIndexFiles(Path partition) throws IOException {
        try (Stream<Path> files = Files.list(partition)) {
            return files.anyMatch(f -> !f.getFileName().toString().equals("write.lock"));
        }
    }

    /** Moves the partition directory to {@code <store>/../quarantine/<name>[.n]} and returns where it went. */
    static Path quarantine(Path storeDir, Path partition) throws IOException {
        Path target = Files.createDirectories(storeDir.toAbsolutePath().resolveSibling(QUARANTINE))
                .resolve(partition.getFileName().toString());
        for (int n = 1; Files.exists(target); n++) {
            target = target.resolveSibling(partition.getFileName() + "." + n);
        }
        Files.move(partition, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
