package io.vigil.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which day partitions retention deletes: every day that ended more than {@code maxAge} ago, then, oldest
 * first, days until the total size is at most {@code maxBytes}. The current UTC day (and any later one) is
 * never deleted.
 */
final class Retention {
    /** Partitions to delete, oldest first. */
    record Plan(List<Partition> doomed) {}

    private Retention() {}

    static Plan plan(Collection<Partition> ascending, long nowMillis, Duration maxAge, long maxBytes) throws IOException {
        if (maxAge == null || maxAge.isNegative()) throw new IllegalArgumentException("maxAge must be >= 0, got " + maxAge);
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must be >= 0 (Long.MAX_VALUE for no limit), got " + maxBytes);
        long today = Math.floorDiv(nowMillis, LuceneEventStore.DAY_MILLIS);
        long cutoff = nowMillis - maxAge.toMillis();
        List<Partition> doomed = new ArrayList<>();
        long remaining = 0;
        List<Partition> kept = new ArrayList<>();
        for (Partition p : ascending) {
            long dayEnd = (p.day + 1) * LuceneEventStore.DAY_MILLIS;
            if (p.day < today && dayEnd <= cutoff) {
                doomed.add(p);
            } else {
                kept.add(p);
                remaining += p.sizeBytes();
            }
        }
        for (Partition p : kept) {
            if (remaining <= maxBytes || p.day >= today) break;
            remaining -= p.sizeBytes();
            doomed.add(p);
        }
        return new Plan(List.copyOf(doomed));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
