package io.vigil.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads records in position order across segments, never past the journal's durable end.
 *
 * <p>A damaged record (bad marker, checksum or length) is reported, not thrown: the reader skips to the
 * next segment, or to the current durable end when the damage is in the active segment. Not thread-safe.
 */
final class FileJournalReader implements JournalReader {
    private final SegmentSet segments;
    private final Consumer<String> damageReport;
    private long position;
    private SegmentFile openSegment;
    private FileChannel channel;

    FileJournalReader(SegmentSet segments, long position, Consumer<String> damageReport) {
        this.segments = segments;
        this.position = position;
        this.damageReport = damageReport;
    }

    @Override
    public Record next() throws IOException {
        while (true) {
            long durableEnd = segments.durableEnd();
            if (position >= durableEnd) return null;
            SegmentFile segment = segmentAt(position);
            if (position < segment.firstRecordPosition()) position = segment.firstRecordPosition();
            long limit = Math.min(durableEnd, segment.endPosition());
            if (position >= limit) {
                SegmentFile next = segments.after(segment);
                if (next == null) return null;
                position = next.firstRecordPosition();
                continue;
            }
            RecordRead read = SegmentFormat.readRecord(channelFor(segment), position - segment.base(), limit - segment.base());
            if (read instanceof RecordRead.Found found) {
                Record record = new Record(position, segment.base() + found.nextOffset(), found.payload());
                position = record.next();
                return record;
            }
            skipDamage(segment, read, durableEnd);
        }
    }

    private SegmentFile segmentAt(long at) throws IOException {
        SegmentFile segment = segments.containing(at);
        if (segment == null) {
            throw new IOException("journal position " + at + " was released; the journal now starts at "
                    + segments.startPosition() + ": open a new reader there");
        }
        return segment;
    }

    private void skipDamage(SegmentFile segment, RecordRead read, long durableEnd) {
        SegmentFile next = segments.after(segment);
        long resume = next == null ? durableEnd : next.firstRecordPosition();
        damageReport.accept("journal segment " + segment.path() + " at offset " + (position - segment.base())
                + " (position " + position + "): " + read.describe() + "; skipped to position " + resume);
        position = resume;
    }

    private FileChannel channelFor(SegmentFile segment) throws IOException {
        if (openSegment == null || openSegment.base() != segment.base()) {
            close();
            channel = FileChannel.open(segment.path(), StandardOpenOption.READ);
            openSegment = segment;
        }
        return channel;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            openSegment = null;
        }
    }
}
