package io.vigil.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a journal directory into a consistent state at open.
 *
 * <p>Every segment is checked, header and records with their checksums. This reads the whole journal once
 * at open, which is cheap because the journal only holds what consumers have not yet released (CRC32C runs
 * at several GB/s; the disk read dominates). Where a segment stops being valid:
 * <ul>
 *   <li><b>torn tail</b>, only in the last segment and only when no valid record follows (a crash during a
 *       write that was never acknowledged): truncated away, logged at WARN;</li>
 *   <li><b>corruption</b>, anywhere else: the bytes from the damage on are moved to {@code quarantine/},
 *       the segment is sealed there (records before the damage and all later segments stay readable), and
 *       if it was the last segment, appends continue in a new segment starting where the damaged file
 *       ended, so positions never repeat.</li>
 * </ul>
 * A segment with a bad header is quarantined whole. Damage that appears after open is the readers' to
 * report and skip.
 */
final class SegmentRecovery {
    private static final Logger log = LoggerFactory.getLogger(SegmentRecovery.class);

    /**
     * @param sealed   segments kept read-only, oldest first
     * @param tail     the segment to keep appending to, or null when a new one must be created at {@code nextBase}
     * @param tailSize valid bytes in {@code tail}
     * @param nextBase where a new active segment starts when {@code tail} is null
     * @param problems what was found, one sentence each
     */
    record Result(List<SegmentFile> sealed, SegmentFile tail, long tailSize, long nextBase, List<String> problems) {}

    private final Path dir;
    private final List<String> problems = new ArrayList<>();
    private final List<SegmentFile> sealed = new ArrayList<>();
    private SegmentFile tail;
    private long tailSize;
    private long nextBase;

    private SegmentRecovery(Path dir) {
        this.dir = dir;
    }

    static Result recover(Path dir) throws IOException {
        SegmentRecovery recovery = new SegmentRecovery(dir);
        List<Path> files = recovery.segmentFiles();
        for (int i = 0; i < files.size(); i++) {
            recovery.check(files.get(i), i == files.size() - 1);
        }
        return new Result(List.copyOf(recovery.sealed), recovery.tail, recovery.tailSize, recovery.nextBase,
                List.copyOf(recovery.problems));
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p) && SegmentFormat.baseOf(p.getFileName().toString()) >= 0)
                    .sorted((a, b) -> Long.compare(baseOf(a), baseOf(b)))
                    .toList();
        }
    }

    private void check(Path path, boolean last) throws IOException {
        long base = baseOf(path);
        long size = Files.size(path);
        nextBase = Math.max(nextBase, base + size);
        if (size < SegmentFormat.FILE_HEADER_BYTES) {
            tornHeader(path, base, size, last);
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            String headerProblem = SegmentFormat.checkFileHeader(channel, base);
            if (headerProblem != null) {
                Path moved = Quarantine.moveWhole(dir, path);
                report(path.getFileName() + " at offset 0: " + headerProblem + "; moved the whole file to " + dir.relativize(moved));
            } else {
                scan(channel, path, base, size, last);
            }
        }
    }

    private void tornHeader(Path path, long base, long size, boolean last) throws IOException {
        if (last) {
            // Crash while creating the segment: it never held a record, so it is recreated at the same base.
            Files.delete(path);
            DirectorySync.fsync(dir);
            nextBase = base;
            warn(path.getFileName() + " at offset 0: file header actual " + size + " bytes vs expected "
                    + SegmentFormat.FILE_HEADER_BYTES + " (torn during creation); deleted it");
        } else {
            Path moved = Quarantine.moveWhole(dir, path);
            report(path.getFileName() + " at offset 0: file header actual " + size + " bytes vs expected "
                    + SegmentFormat.FILE_HEADER_BYTES + "; moved the whole file to " + dir.relativize(moved));
        }
    }

    private void scan(FileChannel channel, Path path, long base, long size, boolean last) throws IOException {
        long offset = SegmentFormat.FILE_HEADER_BYTES;
        RecordRead read = null;
        while (offset < size) {
            read = SegmentFormat.readRecord(channel, offset, size);
            if (!(read instanceof RecordRead.Found found)) break;
            offset = found.nextOffset();
        }
        if (offset == size) {
            if (last) keepAsTail(path, base, size);
            else sealed.add(new SegmentFile(base, path, base + size));
        } else if (!last || SegmentFormat.hasValidRecordAfter(channel, offset, size)) {
            Path moved = Quarantine.moveTail(dir, path, channel, offset, size);
            sealed.add(new SegmentFile(base, path, base + offset));
            report(path.getFileName() + " at offset " + offset + " (position " + (base + offset) + "): "
                    + read.describe() + (last ? ", followed by more records" : "") + "; moved " + (size - offset) + " bytes to "
                    + dir.relativize(moved) + "; records before it stay readable"
                    + (last ? " and appends continue at position " + nextBase : ""));
        } else {
            channel.truncate(offset);
            channel.force(true);
            keepAsTail(path, base, offset);
            warn(path.getFileName() + " at offset " + offset + ": torn tail (" + read.describe() + "); truncated "
                    + (size - offset) + " bytes");
        }
    }

    private void keepAsTail(Path path, long base, long size) {
        tail = new SegmentFile(base, path, SegmentFile.OPEN);
        tailSize = size;
        nextBase = base + size;
    }

    private void report(String problem) {
        log.error("journal corruption: {}", problem);
        problems.add(problem);
    }

    private void warn(String problem) {
        log.warn("journal recovery: {}", problem);
        problems.add(problem);
    }

    private static long baseOf(Path p) {
        return SegmentFormat.baseOf(p.getFileName().toString());
    }
}
