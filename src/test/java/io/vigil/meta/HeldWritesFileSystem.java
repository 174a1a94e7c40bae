package io.vigil.meta;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:held:/path}) over the real one that, while {@link #hold() held}, stops every
 * write made by H2's background writer threads (named {@code H2-...}) until {@link #release()}: a stand-in for a
 * busy machine on which those threads run late, and for the moment a SIGKILL lands. What is in the real file
 * meanwhile is what a process killed at that moment leaves behind.
 */
public final class HeldWritesFileSystem extends FilePathWrapper { // public: H2 creates instances reflectively
    private static volatile CountDownLatch gate = new CountDownLatch(0);
    private static final AtomicInteger held = new AtomicInteger();

    static void register() {
        FilePath.register(new HeldWritesFileSystem());
    }

    /** From now on, background writes wait. */
    static void hold() {
        gate = new CountDownLatch(1);
    }

    static void release() {
        gate.countDown();
    }

    /** True once a background write is waiting (within {@code millis}). */
    static boolean awaitHeldWrite(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (held.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        return held.get() > 0;
    }

    @Override
    public String getScheme() {
        return "held";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBaseDefault {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (Thread.currentThread().getName().startsWith("H2-") && gate.getCount() > 0) {
                held.incrementAndGet();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while held", e);
                } finally {
                    held.decrementAndGet();
                }
            }
            return base.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        protected void implTruncate(long size) throws IOException {
            base.truncate(size);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
