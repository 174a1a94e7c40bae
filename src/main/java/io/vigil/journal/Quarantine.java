package io.vigil.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps damaged journal bytes in {@code quarantine/} instead of deleting them, so an operator can inspect
 * or salvage them. Names say where the bytes came from: {@code <segment>.<offset>.bad}.
 */
final class Quarantine {
    static final String DIRECTORY = "quarantine";

    private Quarantine() {}

    /** Copies bytes {@code [from, size)} of a segment into quarantine (durably), then truncates the segment at {@code from}. */
    static Path moveTail(Path dir, Path segment, FileChannel channel, long from, long size) throws IOException {
        Path target = target(dir, segment, from);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < size - from) {
                done += channel.transferTo(from + done, size - from - done, out);
            }
            out.force(true);
        }
        DirectorySync.fsync(target.getParent());
        channel.truncate(from);
        channel.force(true);
        return target;
    }

    /** Moves a whole segment file into quarantine. */
    static Path moveWhole(Path dir, Path segment) throws IOException {
        Path target = target(dir, segment, 0);
        Files.move(segment, target, StandardCopyOption.ATOMIC_MOVE);
        DirectorySync.fsync(target.getParent());
        DirectorySync.fsync(dir);
        return target;
    }

    private static Path target(Path dir, Path segment, long offset) throws IOException {
        Path quarantine = Files.createDirectories(dir.resolve(DIRECTORY));
        Path target = quarantine.resolve(segment.getFileName() + "." + offset + ".bad");
        for (int n = 1; Files.exists(target); n++) {
            target = quarantine.resolve(segment.getFileName() + "." + offset + ".bad." + n);
        }
        return target;
    }
}
