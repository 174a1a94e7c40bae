package io.vigil.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A file channel for fault injection: while {@code diskFull} is set, it writes part of a buffer and then fails
 * like ENOSPC; while {@code forceGate} is closed (count > 0), {@code force} waits, so a test can look at the
 * journal between the write and the fsync.
 */
final class FailingChannel extends FileChannel {
    private final FileChannel delegate;
    private final AtomicBoolean diskFull;
    private final AtomicReference<CountDownLatch> forceGate;

    FailingChannel(FileChannel delegate, AtomicBoolean diskFull, AtomicReference<CountDownLatch> forceGate) {
        this.delegate = delegate;
        this.diskFull = diskFull;
        this.forceGate = forceGate;
    }

    static ActiveSegment.Opener opener(AtomicBoolean diskFull, AtomicReference<CountDownLatch> forceGate) {
        return path -> new FailingChannel(ActiveSegment.Opener.DEFAULT.open(path), diskFull, forceGate);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (diskFull.get()) {
            if (src.remaining() > 1) {
                ByteBuffer half = src.slice(src.position(), src.remaining() / 2);
                delegate.write(half, position);
            }
            throw new IOException("No space left on device");
        }
        return delegate.write(src, position);
    }

    @Override public int read(ByteBuffer dst) throws IOException { return delegate.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return delegate.read(dsts, offset, length); }
    @Override public int write(ByteBuffer src) throws IOException { return write(src, delegate.position()); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
    @Override public long position() throws IOException { return delegate.position(); }
    @Override public FileChannel position(long p) throws IOException { delegate.position(p); return this; }
    @Override public long size() throws IOException { return delegate.size(); }
    @Override public FileChannel truncate(long size) throws IOException { delegate.truncate(size); return this; }
    @Override
    public void force(boolean metaData) throws IOException {
        CountDownLatch gate = forceGate.get();
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while held before fsync", e);
            }
        }
        delegate.force(metaData);
    }
    @Override public long transferTo(long p, long c, WritableByteChannel t) throws IOException { return delegate.transferTo(p, c, t); }
    @Override public long transferFrom(ReadableByteChannel s, long p, long c) throws IOException { return delegate.transferFrom(s, p, c); }
    @Override public int read(ByteBuffer dst, long position) throws IOException { return delegate.read(dst, position); }
    @Override public MappedByteBuffer map(MapMode mode, long p, long size) throws IOException { return delegate.map(mode, p, size); }
    @Override public FileLock lock(long p, long size, boolean shared) throws IOException { return delegate.lock(p, size, shared); }
    @Override public FileLock tryLock(long p, long size, boolean shared) throws IOException { return delegate.tryLock(p, size, shared); }
    @Override protected void implCloseChannel() throws IOException { delegate.close(); }
}
