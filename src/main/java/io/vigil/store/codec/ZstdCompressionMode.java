package io.vigil.store.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Stored-field chunks compressed with zstd, one frame per chunk. Events of one source repeat the same keys and
 * many values, so one large window over the whole chunk finds more repeats than DEFLATE's 32 KB, and zstd
 * compresses several times faster. Reading one document decompresses its chunk (a few hundred µs for a chunk
 * of a few hundred KB), acceptable for pages of hits and exports that read documents in order.
 *
 * <p>On disk per chunk: vint compressed length, then the zstd frame. Not thread-safe (Lucene gives each writer
 * and reader thread its own compressor and decompressor).
 */
final class ZstdCompressionMode extends CompressionMode {
    private final int level;

    ZstdCompressionMode(int level) {
        this.level = level;
    }

    @Override
    public Compressor newCompressor() {
        return new ZstdCompressor(level);
    }

    @Override
    public Decompressor newDecompressor() {
        return new ZstdDecompressor();
    }

    @Override
    public String toString() {
        return "zstd(level=" + level + ")";
    }

    /**
     * zstd contexts hold native buffers of several hundred KB: one per thread and level, reused for every
     * segment, instead of one per segment writer and reader (a refresh every second creates many of those).
     */
    private static final ThreadLocal<java.util.Map<Integer, ZstdCompressCtx>> COMPRESSORS =
            ThreadLocal.withInitial(java.util.HashMap::new);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    /**
     * A chunk's bytes and its compressed form, per thread like the contexts. Per writer they were allocated anew
     * for every flushed segment, and at about a megabyte each they are humongous objects for G1: a third of the
     * collections during syslog ingestion were started by them.
     */
    private static final class ChunkBuffers {
        byte[] input = new byte[0];
        byte[] output = new byte[0];
    }

    private static final ThreadLocal<ChunkBuffers> CHUNK_BUFFERS = ThreadLocal.withInitial(ChunkBuffers::new);

    private static final class ZstdCompressor extends Compressor {
        private final int level;

        ZstdCompressor(int level) {
            this.level = level;
        }

        @Override
        public void compress(ByteBuffersDataInput buffers, DataOutput out) throws IOException {
            int length = Math.toIntExact(buffers.length());
            ChunkBuffers b = CHUNK_BUFFERS.get();
            b.input = ArrayUtil.growNoCopy(b.input, length);
            buffers.readBytes(b.input, 0, length);
            b.output = ArrayUtil.growNoCopy(b.output, (int) Zstd.compressBound(length));
            ZstdCompressCtx context = COMPRESSORS.get().computeIfAbsent(level, l -> new ZstdCompressCtx().setLevel(l));
            int compressed = context.compressByteArray(b.output, 0, b.output.length, b.input, 0, length);
            out.writeVInt(compressed);
            out.writeBytes(b.output, 0, compressed);
        }

        @Override
        public void close() {
            // the context belongs to the thread, not to this segment's writer
        }
    }

    /**
     * Lucene asks for one document at a time, and each request names the whole chunk; documents read in order
     * (a page of hits, an export) mostly share a chunk. The last chunk is kept decompressed and reused when the
     * same compressed bytes come again (compared in full, so a reuse can never return another chunk's data).
     * The buffers belong to the thread, not to the decompressor: Lucene keeps a decompressor per segment and
     * thread, and a chunk-sized buffer in each of those would add up to gigabytes over hundreds of segments.
     */
    private static final class ZstdDecompressor extends Decompressor {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes) throws IOException {
            ChunkCache cache = CHUNKS.get();
            int compressedLength = in.readVInt();
            cache.compressed = ArrayUtil.growNoCopy(cache.compressed, compressedLength);
            in.readBytes(cache.compressed, 0, compressedLength);
            if (!cache.holds(compressedLength, originalLength)) cache.decompress(compressedLength, originalLength, in);
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
            System.arraycopy(cache.chunk, offset, bytes.bytes, 0, length);
            bytes.offset = 0;
            bytes.length = length;
        }

        @Override
        public Decompressor clone() {
            return new ZstdDecompressor();
        }
    }

    private static final ThreadLocal<ChunkCache> CHUNKS = ThreadLocal.withInitial(ChunkCache::new);

    /** A thread's last decompressed chunk, the compressed bytes it came from, and the buffer for the next. */
    private static final class ChunkCache {
        byte[] compressed = new byte[0];
        private byte[] lastCompressed = new byte[0];
        private int lastCompressedLength = -1;
        byte[] chunk = new byte[0];
        private int chunkLength = -1;

        boolean holds(int compressedLength, int originalLength) {
            return compressedLength == lastCompressedLength && originalLength == chunkLength
                    && java.util.Arrays.equals(compressed, 0, compressedLength, lastCompressed, 0, compressedLength);
        }

        void decompress(int compressedLength, int originalLength, DataInput in) throws IOException {
            chunk = ArrayUtil.growNoCopy(chunk, originalLength);
            chunkLength = -1;
            lastCompressedLength = -1;
            int produced = DECOMPRESSORS.get().decompressByteArray(chunk, 0, originalLength, compressed, 0, compressedLength);
            if (produced != originalLength) {
                throw new org.apache.lucene.index.CorruptIndexException("zstd chunk decompressed to " + produced
                        + " bytes, expected " + originalLength, in);
            }
            byte[] swap = lastCompressed;
            lastCompressed = compressed;
            compressed = swap;
            lastCompressedLength = compressedLength;
            chunkLength = originalLength;
        }
    }
}
