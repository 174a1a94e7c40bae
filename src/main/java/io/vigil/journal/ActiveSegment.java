package io.vigil.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The segment the writer thread appends to. Owned by the writer thread; not thread-safe.
 *
 * <p>Records are staged through the writer's direct buffer and written with positional writes, so a failed
 * write or fsync is undone by truncating back to {@link #durableSize()}.
 */
final class ActiveSegment implements Closeable {

    /** Opens a segment file for reading and writing; tests substitute one that fails like a full disk. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path path) throws IOException;

        Opener DEFAULT = path -> FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private final SegmentFile file;
    private final FileChannel channel;
    private long durableSize;
    private long writtenSize;
    private long appendOffset;

    private ActiveSegment(SegmentFile file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.durableSize = size;
        this.writtenSize = size;
        this.appendOffset = size;
    }

    /** Creates a new, empty segment file with its header, durable (file and directory fsynced). */
    static ActiveSegment create(Path dir, long base, Opener opener) throws IOException {
        Path path = dir.resolve(SegmentFormat.fileName(base));
        FileChannel channel = opener.open(path);
        try {
            channel.truncate(0);
            ByteBuffer header = SegmentFormat.fileHeader(base);
            while (header.hasRemaining()) channel.write(header, header.position());
            channel.force(true);
            DirectorySync.fsync(dir);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new ActiveSegment(new SegmentFile(base, path, SegmentFile.OPEN), channel, SegmentFormat.FILE_HEADER_BYTES);
    }

    /** Continues appending to an existing, already recovered segment of {@code size} valid bytes. */
    static ActiveSegment reopen(Path path, long base, long size, Opener opener) throws IOException {
        FileChannel channel = opener.open(path);
        return new ActiveSegment(new SegmentFile(base, path, SegmentFile.OPEN), channel, size);
    }

    SegmentFile file() {
        return file;
    }

    long durableSize() {
        return durableSize;
    }

    /** Where the next record goes: {@code base + offset}. */
    long nextPosition() {
        return file.base() + appendOffset;
    }

    /** A record goes into this segment if it fits under the limit, or if it is the segment's first record. */
    boolean fits(long recordBytes, long segmentBytes) {
        return appendOffset == SegmentFormat.FILE_HEADER_BYTES || appendOffset + recordBytes <= segmentBytes;
    }

    /** Stages one record through {@code buffer}, writing the buffer out whenever it fills; returns its position. */
    long stage(PendingAppend record, ByteBuffer buffer) throws IOException {
        long position = nextPosition();
        if (buffer.remaining() < SegmentFormat.RECORD_HEADER_BYTES) writeOut(buffer);
        SegmentFormat.putRecordHeader(buffer, record.payload().length, record.checksum());
        byte[] payload = record.payload();
        int done = 0;
        while (done < payload.length) {
            if (!buffer.hasRemaining()) writeOut(buffer);
            int n = Math.min(buffer.remaining(), payload.length - done);
            buffer.put(payload, done, n);
            done += n;
        }
        appendOffset += record.recordBytes();
        return position;
    }

    /** Writes what is staged in {@code buffer} and fsyncs; afterwards everything staged is durable. */
    void commit(ByteBuffer buffer) throws IOException {
        writeOut(buffer);
        channel.force(false);
        durableSize = appendOffset;
    }

    /** Undoes everything since the last commit: drops staged bytes and truncates the file back. */
    void rollback(ByteBuffer buffer) throws IOException {
        buffer.clear();
        appendOffset = durableSize;
        writtenSize = durableSize;
        channel.truncate(durableSize);
        channel.force(false);
    }

    private void writeOut(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            writtenSize += channel.write(buffer, writtenSize);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
