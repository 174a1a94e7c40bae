package io.vigil.store.codec;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed by zstd ({@link ZstdCompressionMode}) in large chunks.
 * Registered under {@value #NAME} through {@code META-INF/services}, which is how Lucene finds the codec of a
 * segment it reads back.
 */
public final class VigilCodec extends FilterCodec {
    public static final String NAME = "Vigil104";
    static final int ZSTD_LEVEL = Integer.getInteger("vigil.zstd.level", 3);
    static final int CHUNK_BYTES = Integer.getInteger("vigil.zstd.chunk", 1024 * 1024);
    private static final int MAX_DOCS_PER_CHUNK = 4096;
    private static final int BLOCK_SHIFT = 10;

    private final StoredFieldsFormat storedFields;

    /** The codec Lucene instantiates to read segments; writes with the default level and chunk size. */
    public VigilCodec() {
        this(ZSTD_LEVEL, CHUNK_BYTES);
    }

    /** Writes with zstd {@code level} in chunks of about {@code chunkBytes} (both only matter when writing). */
    public VigilCodec(int level, int chunkBytes) {
        super(NAME, new Lucene104Codec());
        storedFields = new Lucene90CompressingStoredFieldsFormat(
                "VigilZstdStoredFields", new ZstdCompressionMode(level), chunkBytes, MAX_DOCS_PER_CHUNK, BLOCK_SHIFT);
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
