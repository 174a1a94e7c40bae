package io.vigil.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes file creations, renames and deletions in a directory durable (fsync of the directory itself). */
final class DirectorySync {
    private DirectorySync() {}

    static void fsync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; there, metadata durability is the OS's affair.
            if (!System.getProperty("os.name", "").toLowerCase().contains("win")) throw e;
        }
    }
}
