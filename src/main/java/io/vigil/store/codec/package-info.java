/**
 * Vigil's Lucene codec: Lucene's default, except stored fields (the raw events) compressed with zstd in large
 * chunks. Read {@link io.vigil.store.codec.VigilCodec} first. Segments name their codec, so indexes written
 * with Lucene's own codec stay readable and are rewritten with this one as they merge.
 */
package io.vigil.store.codec;
